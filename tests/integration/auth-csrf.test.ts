import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { POST as signupPost } from '@/app/api/auth/signup/route'
import { GET as getSession } from '@/app/api/auth/session/route'
import { POST as revokeOthersRoute } from '@/app/api/auth/sessions/revoke-others/route'
import { setDatabaseForTests } from '@/lib/db'
import { createUser, loginCookie, withoutParams } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const login = withoutParams(loginRoute)
const signupRoute = withoutParams(signupPost)
const sessionRoute = withoutParams(getSession)
const revokeOthers = withoutParams(revokeOthersRoute)

let db: TestDatabase
let cookie: string
let userId: string

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  userId = (await createUser(db, { email: 'csrf@example.com', password: 'csrf password 1' })).userId
  cookie = await loginCookie(db, userId, 'app.example.com')
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const revoke = (headers: Record<string, string>, url = 'http://app.example.com/api/auth/sessions/revoke-others') =>
  revokeOthers(new Request(url, { method: 'POST', headers }))

describe('CSRF check on cookie-authenticated state changes', () => {
  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['a sibling subdomain', { origin: 'http://tenant.app.example.com' }],
    ['the same host on another port', { origin: 'http://app.example.com:8080' }],
    ['an opaque origin', { origin: 'null' }],
    ['no Origin and no Sec-Fetch-Site', {}],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a request from %s with 403 csrf', async (_label, headers) => {
    const response = await revoke({ cookie, ...headers })
    expect(response.status).toBe(403)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf')
  })

  it('accepts the same origin, by Origin or by Sec-Fetch-Site', async () => {
    expect((await revoke({ cookie, origin: 'http://app.example.com' })).status).toBe(200)
    expect((await revoke({ cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
  })

  it('compares against the Host header the request arrived with', async () => {
    const tenantCookie = await loginCookie(db, userId, 'tenant.example.org')
    const response = await revoke(
      { cookie: tenantCookie, host: 'tenant.example.org', origin: 'https://tenant.example.org' },
      'http://internal:3000/api/auth/sessions/revoke-others',
    )
    expect(response.status).toBe(200)
  })

  it('leaves reads alone', async () => {
    const fresh = await loginCookie(db, userId, 'app.example.com')
    const read = await sessionRoute(
      new Request('http://app.example.com/api/auth/session', { headers: { cookie: fresh, origin: 'https://evil.example' } }),
    )
    expect(read.status).toBe(200)
  })
})

describe('sign-in and sign-up need our own Origin even without a session cookie', () => {
  const credentials = JSON.stringify({ email: 'csrf@example.com', password: 'csrf password 1' })
  const loginFrom = (headers: Record<string, string>) =>
    login(new Request('http://app.example.com/api/auth/login', { method: 'POST', headers, body: credentials }))

  it.each([
    [
      'a cross-site text/plain form post (no preflight)',
      { origin: 'https://evil.example', 'content-type': 'text/plain; charset=application/json' },
    ],
    ['a cross-site JSON post', { origin: 'https://evil.example', 'content-type': 'application/json' }],
    ['no Origin and no Sec-Fetch-Site', { 'content-type': 'application/json' }],
  ])('refuses %s with 403 csrf and sets no cookie', async (_label, headers) => {
    const response = await loginFrom(headers)
    expect(response.status).toBe(403)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf')
    expect(response.headers.getSetCookie()).toEqual([])
    const signup = await signupRoute(
      new Request('http://app.example.com/api/auth/signup', {
        method: 'POST',
        headers,
        body: JSON.stringify({ email: 'csrf-new@example.com', password: 'csrf password 1' }),
      }),
    )
    expect(signup.status).toBe(403)
  })

  it('refuses a same-origin body that only claims JSON in a parameter with 415', async () => {
    const response = await loginFrom({ origin: 'http://app.example.com', 'content-type': 'text/plain; charset=application/json' })
    expect(response.status).toBe(415)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type')
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('signs in from our own page, by Origin or by Sec-Fetch-Site', async () => {
    expect((await loginFrom({ origin: 'http://app.example.com', 'content-type': 'application/json' })).status).toBe(200)
    expect((await loginFrom({ 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' })).status).toBe(200)
  })
})
