import { stringFromBase64URL, stringToBase64URL } from '@supabase/ssr'
import { NextRequest, NextResponse } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as deleteAccountRoute } from '@/app/api/auth/account/route'
import { GET as callbackRoute } from '@/app/api/auth/callback/route'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { POST as logoutRoute } from '@/app/api/auth/logout/route'
import { POST as changePasswordRoute } from '@/app/api/auth/password/route'
import { GET as getSession } from '@/app/api/auth/session/route'
import { POST as revokeOthersRoute } from '@/app/api/auth/sessions/revoke-others/route'
import { GET as listSessionsRoute } from '@/app/api/auth/sessions/route'
import { POST as signupRoute } from '@/app/api/auth/signup/route'
import { refreshSupabaseSession } from '@/lib/auth/supabase/client'
import { SITE_COOKIE, siteProof } from '@/lib/auth/supabase/site-binding'
import { setDatabaseForTests, withService } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { addMember, apiRequest, cookieFrom, createTenant, withoutParams } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'
import { FakeSupabaseAuth } from './auth-fake-supabase'

const deleteAccount = withoutParams(deleteAccountRoute)
const callback = withoutParams(callbackRoute)
const login = withoutParams(loginRoute)
const logout = withoutParams(logoutRoute)
const changePassword = withoutParams(changePasswordRoute)
const sessionRoute = withoutParams(getSession)
const revokeOthers = withoutParams(revokeOthersRoute)
const listSessions = withoutParams(listSessionsRoute)
const signup = withoutParams(signupRoute)

let db: TestDatabase
const auth = new FakeSupabaseAuth()
const saved = { ...process.env }
const password = 'supabase password 1'

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  await auth.start()
  // Supabase keeps its users in auth.users of the same database; the fake mirrors that,
  // confirmed at once unless email confirmation is on (as Supabase's autoconfirm does).
  auth.onUserCreated = async (user) => {
    await withService(db, (tx) =>
      tx.query('insert into auth.users (id, email, email_confirmed_at) values ($1, $2, case when $3 then null else now() end)', [
        user.id,
        user.email,
        auth.requireEmailConfirmation,
      ]),
    )
  }
  process.env.NEXT_PUBLIC_SUPABASE_URL = auth.url
  process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = 'sb_publishable_test_key'
  process.env.DATABASE_URL = 'postgres://unused@127.0.0.1:1/unused' // the tests hand routes their own database
  resetConfigForTests()
})
afterAll(async () => {
  process.env = saved
  resetConfigForTests()
  await auth.stop()
  setDatabaseForTests(undefined)
  await db.close()
})

const post = (path: string, body?: unknown, cookie?: string) => apiRequest(path, { method: 'POST', body, cookie })
const me = (cookie: string) => sessionRoute(apiRequest('/api/auth/session', { cookie }))
async function signedUp(email: string): Promise<{ cookie: string; userId: string }> {
  const response = await signup(post('/api/auth/signup', { email, password }))
  expect(response.status).toBe(202)
  const cookie = cookieFrom(response)
  return { cookie, userId: ((await (await me(cookie)).json()) as { user: { id: string } }).user.id }
}
const sessionPair = (cookie: string) => cookie.split('; ').find((pair) => pair.startsWith('sb-127-auth-token='))
/** Rewrites the session stored in the sb-…-auth-token cookie. */
function editSessionCookie(cookie: string, edit: (session: Record<string, unknown>) => void): string {
  const value = (sessionPair(cookie) ?? '').replace(/^sb-127-auth-token=base64-/, '')
  const session = JSON.parse(stringFromBase64URL(value)) as Record<string, unknown>
  edit(session)
  return `sb-127-auth-token=base64-${stringToBase64URL(JSON.stringify(session))}`
}

/** A cookie made by the fake, with the proof our server sets beside it when a session starts on localhost. */
function withSiteProof(cookie: string): string {
  const value = (sessionPair(cookie) ?? '').replace(/^sb-127-auth-token=base64-/, '')
  const { access_token: token } = JSON.parse(stringFromBase64URL(value)) as { access_token: string }
  const { session_id: sessionId } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { session_id: string }
  return `${cookie}; ${SITE_COOKIE}=${siteProof(sessionId, 'localhost')}`
}

describe('Supabase mode through @supabase/ssr against a loopback Supabase Auth', () => {
  it('signs up through Supabase Auth, sets httpOnly sb-* cookies, and the session route reads verified claims', async () => {
    const { cookie, userId } = await signedUp('sb-user@example.com')
    expect(sessionPair(cookie)).toMatch(/^sb-127-auth-token=base64-/)
    const tenant = await createTenant(db, { slug: 'sb-tenant', name: 'SB Tenant' })
    await addMember(db, tenant.id, userId, 'user')
    const response = await me(cookie)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      user: { id: userId, email: 'sb-user@example.com' },
      isPlatformAdmin: false,
      memberships: [{ tenantId: tenant.id, slug: 'sb-tenant', name: 'SB Tenant', role: 'user' }],
    })
    expect(auth.calls.some((call) => call.path === '/auth/v1/.well-known/jwks.json')).toBe(true)
  })

  it('marks the session cookies httpOnly and SameSite=Lax', async () => {
    const response = await login(post('/api/auth/login', { email: 'sb-user@example.com', password }))
    expect(response.status).toBe(200)
    const setCookie = response.headers.getSetCookie().join('\n')
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toMatch(/SameSite=Lax/i)
  })

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await login(post('/api/auth/login', { email: 'sb-user@example.com', password: 'not the password' }))
    const unknown = await login(post('/api/auth/login', { email: 'nobody@example.com', password: 'not the password' }))
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual(await unknown.json())
  })

  it('rejects an access token signed with a key that is not in the JWKS', async () => {
    const { cookie } = await signedUp('forger@example.com')
    const user = auth.users.get('forger@example.com')
    if (!user) throw new Error('fake user missing')
    const forged = editSessionCookie(cookie, (session) => {
      session.access_token = auth.accessToken(user, 'forged-session', { signWith: 'foreign' })
    })
    expect((await me(forged)).status).toBe(401)
    expect((await me(cookie)).status).toBe(200)
  })

  it('refreshes an expired access token in proxy.ts and hands the new cookies to the route and the browser', async () => {
    await signedUp('expired@example.com')
    const cookie = withSiteProof(auth.sessionCookie('expired@example.com', -60))
    const request = new NextRequest('http://localhost/dashboard', { headers: { cookie } })
    const response = await refreshSupabaseSession(request, (forwarded) => NextResponse.next({ request: forwarded }))
    expect(auth.calls.at(-1)).toMatchObject({ path: '/auth/v1/token', body: { refresh_token: expect.any(String) } })
    const refreshed = response.cookies.getAll().filter((c) => c.name.startsWith('sb-'))
    expect(refreshed.length).toBeGreaterThan(0)
    expect(request.cookies.get(refreshed[0]?.name ?? '')?.value).toBe(refreshed[0]?.value)
    const browserCookie = [...refreshed, request.cookies.get(SITE_COOKIE)].map((c) => `${c?.name}=${c?.value}`).join('; ')
    expect((await me(browserCookie)).status).toBe(200)
  })

  it('signs out: Supabase revokes the session and the cookies are cleared', async () => {
    const { cookie } = await signedUp('leaver@example.com')
    const response = await logout(post('/api/auth/logout', undefined, cookie))
    expect(response.status).toBe(204)
    expect(auth.calls.at(-1)).toMatchObject({ path: '/auth/v1/logout', scope: 'local' })
    expect(response.headers.getSetCookie().join('\n')).toMatch(/sb-127-auth-token=; .*Max-Age=0/)
  })

  it('signs out everywhere else, changes the password with the current one, and refuses session listing clearly', async () => {
    const { cookie } = await signedUp('mover@example.com')
    expect((await revokeOthers(post('/api/auth/sessions/revoke-others', undefined, cookie))).status).toBe(200)
    expect(auth.calls.at(-1)).toMatchObject({ path: '/auth/v1/logout', scope: 'others' })

    const change = await changePassword(
      post('/api/auth/password', { currentPassword: password, newPassword: 'a brand new password' }, cookie),
    )
    expect(change.status).toBe(204)
    expect(auth.users.get('mover@example.com')?.password).toBe('a brand new password')
    expect(auth.calls.at(-1)).toMatchObject({ path: '/auth/v1/logout', scope: 'others' })

    expect((await listSessions(apiRequest('/api/auth/sessions', { cookie }))).status).toBe(400)
  })

  it('deletes the account from auth.users and clears the cookies', async () => {
    const { cookie, userId } = await signedUp('deleter@example.com')
    const response = await deleteAccount(apiRequest('/api/auth/account', { method: 'DELETE', cookie }))
    expect(response.status).toBe(204)
    expect(response.headers.getSetCookie().join('\n')).toContain('Max-Age=0')
    const rows = await withService(db, (tx) => tx.query('select 1 from auth.users where id = $1', [userId]))
    expect(rows).toHaveLength(0)
  })

  it('waits for email confirmation, then the link through /api/auth/callback starts the session', async () => {
    auth.requireEmailConfirmation = true
    let verifierCookies = ''
    try {
      const response = await signup(post('/api/auth/signup', { email: 'confirm-me@example.com', password }))
      expect(response.status).toBe(202)
      expect(await response.json()).toMatchObject({ confirmationRequired: true })
      verifierCookies = cookieFrom(response)
      expect(sessionPair(verifierCookies)).toBeUndefined()
      const early = await login(post('/api/auth/login', { email: 'confirm-me@example.com', password }))
      expect(early.status).toBe(403)
      expect(((await early.json()) as { error: { code: string } }).error.code).toBe('email_unverified')
    } finally {
      auth.requireEmailConfirmation = false
    }
    const code = auth.confirmationCode('confirm-me@example.com')
    const landing = await callback(
      new Request(`http://localhost/api/auth/callback?code=${code}&next=//evil.example`, { headers: { cookie: verifierCookies } }),
    )
    expect(landing.status).toBe(303)
    expect(landing.headers.get('location')).toBe('http://localhost/')
    const started = cookieFrom(landing)
    expect(sessionPair(started)).toBeDefined()
    expect((await me(started)).status).toBe(200)

    const replayed = await callback(
      new Request(`http://localhost/api/auth/callback?code=${code}`, { headers: { cookie: verifierCookies } }),
    )
    expect(replayed.headers.get('location')).toBe('http://localhost/?authError=confirmation_failed')
  })

  it('the callback sends a next path with a control character home, as the login page does (one safeNextPath)', async () => {
    const landing = await callback(new Request('http://localhost/api/auth/callback?next=/dashboard%0d%0aSet-Cookie:x=1'))
    expect(landing.status).toBe(303)
    expect(landing.headers.get('location')).toBe('http://localhost/?authError=missing_code')
  })

  it('applies the CSRF check to Supabase session cookies too', async () => {
    const { cookie } = await signedUp('csrf-sb@example.com')
    const response = await logout(
      new Request('http://localhost/api/auth/logout', { method: 'POST', headers: { cookie, origin: 'https://evil.example' } }),
    )
    expect(response.status).toBe(403)
  })
})
