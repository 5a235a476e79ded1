import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as deleteAccountRoute } from '@/app/api/auth/account/route'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { POST as changePasswordRoute } from '@/app/api/auth/password/route'
import { GET as getSession } from '@/app/api/auth/session/route'
import { DELETE as revokeSession } from '@/app/api/auth/sessions/[id]/route'
import { POST as revokeOthersRoute } from '@/app/api/auth/sessions/revoke-others/route'
import { GET as listSessionsRoute } from '@/app/api/auth/sessions/route'
import { setClockForTests } from '@/lib/auth/clock'
import { SESSION_TTL_MS } from '@/lib/auth/local/session-store'
import { setDatabaseForTests, withService } from '@/lib/db'
import { addMember, apiRequest, cookieFrom, createTenant, createUser, loginCookie, withoutParams } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const deleteAccount = withoutParams(deleteAccountRoute)
const login = withoutParams(loginRoute)
const changePassword = withoutParams(changePasswordRoute)
const sessionRoute = withoutParams(getSession)
const revokeOthers = withoutParams(revokeOthersRoute)
const listSessions = withoutParams(listSessionsRoute)

let db: TestDatabase
const password = 'first password here'

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

type SessionList = { sessions: { id: string; current: boolean; userAgent: string | null; site: string | null }[] }
const signIn = async (email: string, secret = password, userAgent = 'test-browser') =>
  cookieFrom(
    await login(apiRequest('/api/auth/login', { method: 'POST', body: { email, password: secret }, headers: { 'user-agent': userAgent } })),
  )
const isLive = async (cookie: string) => (await sessionRoute(apiRequest('/api/auth/session', { cookie }))).status === 200
const sessionsOf = async (cookie: string) =>
  (await (await listSessions(apiRequest('/api/auth/sessions', { cookie }))).json()) as SessionList
const params = (id: string) => ({ params: Promise.resolve({ id }) })

describe('listing and revoking my sessions', () => {
  it('lists my live sessions with the current one marked, and no token material', async () => {
    const { email } = await createUser(db, { email: 'lister@example.com', password })
    await signIn(email, password, 'laptop')
    const phone = await signIn(email, password, 'phone')
    const { sessions } = await sessionsOf(phone)
    const byAgent = Object.fromEntries(sessions.map((s) => [s.userAgent, s.current]))
    expect(byAgent).toEqual({ phone: true, laptop: false })
    expect(sessions.map((s) => s.site)).toEqual(['localhost', 'localhost'])
    expect(JSON.stringify(sessions)).not.toMatch(/token/i)
  })

  it('revokes one session: that cookie is rejected afterwards, mine keeps working', async () => {
    const { email } = await createUser(db, { email: 'revoker@example.com', password })
    const other = await signIn(email)
    const mine = await signIn(email)
    const target = (await sessionsOf(mine)).sessions.find((s) => !s.current)
    const response = await revokeSession(
      apiRequest(`/api/auth/sessions/${target?.id}`, { method: 'DELETE', cookie: mine }),
      params(String(target?.id)),
    )
    expect(response.status).toBe(204)
    expect(await isLive(other)).toBe(false)
    expect(await isLive(mine)).toBe(true)
  })

  it("answers 404 for someone else's session id and leaves it alive", async () => {
    const victim = await createUser(db, { email: 'victim@example.com', password })
    const attacker = await createUser(db, { email: 'attacker@example.com', password })
    const victimCookie = await signIn(victim.email)
    const victimSession = (await sessionsOf(victimCookie)).sessions[0]?.id ?? ''
    const attackerCookie = await loginCookie(db, attacker.userId)
    const response = await revokeSession(
      apiRequest(`/api/auth/sessions/${victimSession}`, { method: 'DELETE', cookie: attackerCookie }),
      params(victimSession),
    )
    expect(response.status).toBe(404)
    expect(await isLive(victimCookie)).toBe(true)
  })

  it('revokes all other sessions and keeps the current one', async () => {
    const { email } = await createUser(db, { email: 'everywhere@example.com', password })
    const a = await signIn(email)
    const b = await signIn(email)
    const current = await signIn(email)
    const response = await revokeOthers(apiRequest('/api/auth/sessions/revoke-others', { method: 'POST', cookie: current }))
    expect(await response.json()).toEqual({ revoked: 2 })
    expect([await isLive(a), await isLive(b), await isLive(current)]).toEqual([false, false, true])
  })

  it('rejects a session after it expires', async () => {
    const { userId } = await createUser(db, { email: 'expiring@example.com', password })
    const cookie = await loginCookie(db, userId)
    const later = new Date(Date.now() + SESSION_TTL_MS + 60_000)
    setClockForTests(() => later)
    try {
      expect(await isLive(cookie)).toBe(false)
    } finally {
      setClockForTests(undefined)
    }
    expect(await isLive(cookie)).toBe(true)
  })

  it('answers 401 to every session route without a session', async () => {
    expect((await listSessions(apiRequest('/api/auth/sessions'))).status).toBe(401)
    expect((await revokeOthers(apiRequest('/api/auth/sessions/revoke-others', { method: 'POST' }))).status).toBe(401)
  })
})

describe('POST /api/auth/password', () => {
  const change = (cookie: string, body: unknown) => changePassword(apiRequest('/api/auth/password', { method: 'POST', cookie, body }))

  it('changes the password and signs out every other session', async () => {
    const { email } = await createUser(db, { email: 'changer@example.com', password })
    const elsewhere = await signIn(email)
    const here = await signIn(email)
    const response = await change(here, { currentPassword: password, newPassword: 'second password here' })
    expect(response.status).toBe(204)
    expect(await isLive(elsewhere)).toBe(false)
    expect(await isLive(here)).toBe(true)
    expect(await signIn(email, password)).toBe('')
    expect(await signIn(email, 'second password here')).toMatch(/^oracle_session=/)
  })

  it('refuses a wrong current password (403) and a weak new one (400), changing nothing', async () => {
    const { email } = await createUser(db, { email: 'careful@example.com', password })
    const cookie = await signIn(email)
    expect((await change(cookie, { currentPassword: 'not it at all', newPassword: 'another good one' })).status).toBe(403)
    expect((await change(cookie, { currentPassword: password, newPassword: 'short' })).status).toBe(400)
    expect((await change(cookie, { currentPassword: password, newPassword: email })).status).toBe(400)
    expect((await change(cookie, { newPassword: 'another good one' })).status).toBe(400)
    expect(await signIn(email, password)).toMatch(/^oracle_session=/)
  })
})

describe('DELETE /api/auth/account', () => {
  const remove = (cookie: string) => deleteAccount(apiRequest('/api/auth/account', { method: 'DELETE', cookie }))

  it('answers 409 while I am the last admin of a tenant, and succeeds once another admin exists', async () => {
    const me = await createUser(db, { email: 'founder@example.com', password })
    const colleague = await createUser(db, { email: 'colleague@example.com', password })
    const tenant = await createTenant(db, { slug: 'founded', name: 'Founded Co' })
    await addMember(db, tenant.id, me.userId, 'admin')
    await addMember(db, tenant.id, colleague.userId, 'user')
    const cookie = await loginCookie(db, me.userId)
    const refused = await remove(cookie)
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('Founded Co')

    await addMember(db, tenant.id, colleague.userId, 'admin')
    expect((await remove(cookie)).status).toBe(204)
  })

  it('removes my memberships, conversations and sessions, and audits each membership that ends under a pseudonym', async () => {
    const me = await createUser(db, { email: 'leaver@example.com', password })
    const tenant = await createTenant(db, { slug: 'left-behind' })
    await addMember(db, tenant.id, me.userId, 'user')
    await withService(db, (tx) =>
      tx.query('insert into public.tenant_conversations (tenant_id, user_id, title) values ($1, $2, $3)', [
        tenant.id,
        me.userId,
        'my private thread',
      ]),
    )
    const cookie = await signIn(me.email)
    const response = await remove(cookie)
    expect(response.status).toBe(204)
    expect(response.headers.getSetCookie()[0]).toContain('Max-Age=0')
    expect(await isLive(cookie)).toBe(false)
    const left = await withService(db, (tx) =>
      tx.query<{ users: number; members: number; conversations: number; sessions: number; audits: number }>(
        `select (select count(*) from auth.users where id = $1)::int as users,
                (select count(*) from public.tenant_users where user_id = $1)::int as members,
                (select count(*) from public.tenant_conversations where user_id = $1)::int as conversations,
                (select count(*) from auth.local_sessions where user_id = $1)::int as sessions,
                (select count(*) from public.audit_logs where tenant_id = $2 and action = 'member.remove'
                   and after ->> 'reason' = 'account_deleted' and target_id <> $1::text)::int as audits`,
        [me.userId, tenant.id],
      ),
    )
    expect(left[0]).toEqual({ users: 0, members: 0, conversations: 0, sessions: 0, audits: 1 })
  })
})
