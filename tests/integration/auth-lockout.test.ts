import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { POST as signupRoute } from '@/app/api/auth/signup/route'
import { IP_LIMIT, LOCKOUT } from '@/lib/auth/local/abuse-limits'
import { setClockForTests } from '@/lib/auth/clock'
import { setDatabaseForTests, withService } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { apiRequest, createUser, withoutParams } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const login = withoutParams(loginRoute)
const signup = withoutParams(signupRoute)

let db: TestDatabase
const password = 'the right password'
let clock = new Date('2026-11-23T10:00:00Z')

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  setClockForTests(() => clock)
})
afterAll(async () => {
  setClockForTests(undefined)
  setDatabaseForTests(undefined)
  await db.close()
})
afterEach(() => {
  delete process.env.TRUST_PROXY
  resetConfigForTests()
})

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms)
}
const attempt = (email: string, secret: string, ip?: string) =>
  login(
    apiRequest('/api/auth/login', {
      method: 'POST',
      body: { email, password: secret },
      headers: ip ? { 'x-forwarded-for': ip } : {},
    }),
  )

describe('failed-login lockout', () => {
  it(`locks the account after ${LOCKOUT.maxFailures} failures (429 + Retry-After even for the right password) and lets it in after 15 minutes`, async () => {
    const { email } = await createUser(db, { email: 'locked@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures; i++) {
      expect((await attempt(email, `wrong guess ${i}`)).status).toBe(401)
    }
    const locked = await attempt(email, password)
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60)
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('locked')

    advance(14 * 60_000)
    const stillLocked = await attempt(email, password)
    expect(stillLocked.status).toBe(429)
    expect(Number(stillLocked.headers.get('retry-after'))).toBe(60)

    advance(60_000)
    expect((await attempt(email, password)).status).toBe(200)
  })

  it('forgets failures after a successful login', async () => {
    const { email } = await createUser(db, { email: 'forgiven@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await attempt(email, 'wrong')
    expect((await attempt(email, password)).status).toBe(200)
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await attempt(email, 'wrong')
    expect((await attempt(email, password)).status).toBe(200)
  })

  it('counts failures only within a 15-minute window', async () => {
    const { email } = await createUser(db, { email: 'slow-typist@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await attempt(email, 'wrong')
    advance(LOCKOUT.windowMs + 1)
    expect((await attempt(email, 'wrong again')).status).toBe(401)
    expect((await attempt(email, password)).status).toBe(200)
  })

  it('loses no failure when attempts arrive at once (atomic upsert; meaningful on a real server)', async () => {
    const { email } = await createUser(db, { email: 'stampede@example.com', password })
    const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(email, `parallel guess ${i}`)))
    expect(statuses.every((response) => response.status === 401)).toBe(true)
    const rows = await withService(db, (tx) =>
      tx.query<{ failures: number; locked: boolean }>(
        'select failures, locked_until is not null as locked from auth.login_failures where email = $1',
        [email],
      ),
    )
    expect(rows[0]).toEqual({ failures: 8, locked: true })
  })

  it('locks an unknown address exactly like a real one, so lockout does not reveal accounts', async () => {
    for (let i = 0; i < LOCKOUT.maxFailures; i++) await attempt('ghost@example.com', 'wrong')
    const response = await attempt('ghost@example.com', 'wrong')
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe(String(15 * 60))
  })
})

describe('per-IP limit on the auth routes', () => {
  it(`answers 429 with Retry-After after ${IP_LIMIT.maxHits} requests from one IP in a window, other IPs unaffected`, async () => {
    process.env.TRUST_PROXY = 'true'
    resetConfigForTests()
    clock = new Date('2026-11-24T10:00:00Z') // the start of a 10-minute window
    await createUser(db, { email: 'busy@example.com', password })
    for (let i = 0; i < IP_LIMIT.maxHits; i++) {
      const response = await (i % 2 === 0
        ? attempt('busy@example.com', password, '203.0.113.9')
        : signup(
            apiRequest('/api/auth/signup', {
              method: 'POST',
              body: { email: `spam${i}@example.com`, password },
              headers: { 'x-forwarded-for': '203.0.113.9' },
            }),
          ))
      expect(response.status).toBeLessThan(300)
    }
    advance(4 * 60_000)
    const limited = await attempt('busy@example.com', password, '203.0.113.9')
    expect(limited.status).toBe(429)
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
    expect(limited.headers.get('retry-after')).toBe(String(6 * 60))
    expect((await attempt('busy@example.com', password, '198.51.100.4')).status).toBe(200)

    advance(6 * 60_000)
    expect((await attempt('busy@example.com', password, '203.0.113.9')).status).toBe(200)
  })

  it('does not count by X-Forwarded-For unless TRUST_PROXY says a proxy sets it', async () => {
    clock = new Date('2026-11-25T10:00:00Z')
    await createUser(db, { email: 'spoofer@example.com', password })
    for (let i = 0; i < IP_LIMIT.maxHits + 2; i++) {
      expect((await attempt('spoofer@example.com', password, '192.0.2.1')).status).toBe(200)
    }
  })
})
