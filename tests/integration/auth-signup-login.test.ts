import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { POST as logoutRoute } from '@/app/api/auth/logout/route'
import { GET as getSession } from '@/app/api/auth/session/route'
import { POST as signupRoute } from '@/app/api/auth/signup/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { addMember, apiRequest, cookieFrom, createTenant, createUser, makePlatformAdmin, withoutParams } from '@/tests/support/auth'
import { mailedToken, outboxFor, VERIFY_LINK } from '@/tests/support/mailbox'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const login = withoutParams(loginRoute)
const logout = withoutParams(logoutRoute)
const sessionRoute = withoutParams(getSession)
const signup = withoutParams(signupRoute)

let db: TestDatabase
const password = 'a sturdy passphrase'

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const post = (path: string, body: unknown, cookie?: string) => apiRequest(path, { method: 'POST', body, cookie })
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code

describe('POST /api/auth/signup', () => {
  it('creates an unverified account, answers 202 "check your mail" and starts no session', async () => {
    const response = await signup(post('/api/auth/signup', { email: 'New.Person@Example.com', password }))
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ email: 'new.person@example.com', confirmationRequired: true })
    expect(response.headers.getSetCookie()).toEqual([])
    const rows = await withService(db, (tx) =>
      tx.query<{ verified: boolean }>(
        "select email_confirmed_at is not null as verified from auth.users where email = 'new.person@example.com'",
      ),
    )
    expect(rows).toEqual([{ verified: false }])
  })

  it('stores a scrypt hash with salt, never the password, and only a hash of the verification token', async () => {
    await signup(post('/api/auth/signup', { email: 'hashed@example.com', password }))
    const token = await mailedToken(db, 'hashed@example.com', VERIFY_LINK)
    const rows = await withService(db, (tx) =>
      tx.query<{ encrypted_password: string; token_hash: string }>(
        `select u.encrypted_password, v.token_hash from auth.users u
         join auth.email_verifications v on v.user_id = u.id where u.email = 'hashed@example.com'`,
      ),
    )
    expect(rows[0]?.encrypted_password).toMatch(/^scrypt\$\d+\$8\$\d\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(rows[0]?.encrypted_password).not.toContain(password)
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(rows[0]?.token_hash).not.toBe(token)
  })

  it.each([
    ['shorter than 10 characters', { email: 'weak1@example.com', password: 'short1234' }],
    ['the email address itself', { email: 'weakling@example.com', password: 'Weakling@Example.com' }],
  ])('refuses a password that is %s with 400 naming the field', async (_label, body) => {
    const response = await signup(post('/api/auth/signup', body))
    expect(response.status).toBe(400)
    const payload = (await response.json()) as { error: { code: string; details: { fields: Record<string, string> } } }
    expect(payload.error.code).toBe('bad_request')
    expect(payload.error.details.fields.password).toBeTruthy()
  })

  it.each([
    ['invalid JSON', '{"email": '],
    ['a missing password', { email: 'x@example.com' }],
    ['a malformed email', { email: 'not-an-email', password }],
    ['an array', [1, 2]],
  ])('answers 400 for %s', async (_label, body) => {
    const response = await signup(post('/api/auth/signup', body))
    expect(response.status).toBe(400)
  })

  it('answers an address that has an account exactly like a new one, and mails its owner instead', async () => {
    await createUser(db, { email: 'taken@example.com' })
    const taken = await signup(post('/api/auth/signup', { email: 'TAKEN@example.com', password }))
    const fresh = await signup(post('/api/auth/signup', { email: 'untaken@example.com', password }))
    expect(taken.status).toBe(fresh.status)
    expect({ ...((await taken.json()) as object), email: '-' }).toEqual({ ...((await fresh.json()) as object), email: '-' })
    const [note] = await outboxFor(db, 'taken@example.com')
    expect(note?.subject).toBe('Someone tried to create an account with your address')
    expect(note?.text).not.toMatch(VERIFY_LINK)
  })
})

describe('POST /api/auth/login', () => {
  beforeAll(async () => {
    await createUser(db, { email: 'member@example.com', password })
  })

  it('signs in with the right password and sets a session cookie', async () => {
    const response = await login(post('/api/auth/login', { email: 'Member@Example.com ', password }))
    expect(response.status).toBe(200)
    expect(((await response.json()) as { user: { email: string } }).user.email).toBe('member@example.com')
    expect(cookieFrom(response)).toMatch(/^oracle_session=/)
  })

  it('sets an httpOnly SameSite=Lax cookie, marked Secure when the request came over https', async () => {
    const plain = (await login(post('/api/auth/login', { email: 'member@example.com', password }))).headers.getSetCookie()[0]
    expect(plain).toMatch(/^oracle_session=[A-Za-z0-9_-]{43};/)
    expect(plain).toContain('HttpOnly')
    expect(plain).toContain('SameSite=Lax')
    expect(plain).not.toContain('Secure')
    const request = new Request('https://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://localhost' },
      body: JSON.stringify({ email: 'member@example.com', password }),
    })
    expect((await login(request)).headers.getSetCookie()[0]).toContain('Secure')
  })

  it('gives a wrong password and an unknown email the very same 401 answer', async () => {
    const wrong = await login(post('/api/auth/login', { email: 'member@example.com', password: 'not the password' }))
    const unknown = await login(post('/api/auth/login', { email: 'nobody@example.com', password: 'not the password' }))
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(await wrong.json()).toEqual(await unknown.json())
    expect(wrong.headers.getSetCookie()).toEqual([])
  })

  it('answers 400 for a malformed body', async () => {
    expect((await login(post('/api/auth/login', { email: 'member@example.com' }))).status).toBe(400)
    expect((await login(post('/api/auth/login', 'password=x'))).status).toBe(400)
  })

  it('rotates the session: the cookie a browser came with stops working after a new login', async () => {
    const first = cookieFrom(await login(post('/api/auth/login', { email: 'member@example.com', password })))
    const second = await login(post('/api/auth/login', { email: 'member@example.com', password }, first))
    const secondCookie = cookieFrom(second)
    expect(secondCookie).not.toBe(first)
    expect((await sessionRoute(apiRequest('/api/auth/session', { cookie: first }))).status).toBe(401)
    expect((await sessionRoute(apiRequest('/api/auth/session', { cookie: secondCookie }))).status).toBe(200)
  })
})

describe('GET /api/auth/session and POST /api/auth/logout', () => {
  it('answers 401 without a cookie and with a made-up token', async () => {
    expect(await errorCode(await sessionRoute(apiRequest('/api/auth/session')))).toBe('unauthorized')
    const forged = await sessionRoute(apiRequest('/api/auth/session', { cookie: 'oracle_session=forged-token-value' }))
    expect(forged.status).toBe(401)
  })

  it('returns the user, platform-admin flag and memberships with tenant slug and name', async () => {
    const user = await createUser(db, { email: 'admin-of-two@example.com', password })
    const acme = await createTenant(db, { slug: 'acme', name: 'Acme Law' })
    const zen = await createTenant(db, { slug: 'zen', name: 'Zen Coach' })
    await createTenant(db, { slug: 'other', name: 'Not Mine' })
    await addMember(db, acme.id, user.userId, 'admin')
    await addMember(db, zen.id, user.userId, 'viewer')
    await makePlatformAdmin(db, user.userId)
    const cookie = cookieFrom(await login(post('/api/auth/login', { email: user.email, password })))
    const response = await sessionRoute(apiRequest('/api/auth/session', { cookie }))
    expect(await response.json()).toEqual({
      user: { id: user.userId, email: user.email },
      isPlatformAdmin: true,
      memberships: [
        { tenantId: acme.id, slug: 'acme', name: 'Acme Law', role: 'admin' },
        { tenantId: zen.id, slug: 'zen', name: 'Zen Coach', role: 'viewer' },
      ],
    })
  })

  it('logs out: 204, the cookie is cleared and the old token is rejected afterwards', async () => {
    const cookie = cookieFrom(await login(post('/api/auth/login', { email: 'member@example.com', password })))
    const response = await logout(post('/api/auth/logout', undefined, cookie))
    expect(response.status).toBe(204)
    expect(response.headers.getSetCookie()[0]).toContain('Max-Age=0')
    expect((await sessionRoute(apiRequest('/api/auth/session', { cookie }))).status).toBe(401)
  })
})
