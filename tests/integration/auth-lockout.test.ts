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

const realDelay = LOCKOUT.unknownSourceDelayMs
beforeAll(async () => {
  // The slow-down is real; a short one keeps the suite quick.
  LOCKOUT.unknownSourceDelayMs = 50
  db = await createTestDatabase()
  setDatabaseForTests(db)
  setClockForTests(() => clock)
})
afterAll(async () => {
  LOCKOUT.unknownSourceDelayMs = realDelay
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

const trustProxy = () => {
  process.env.TRUST_PROXY = 'true'
  resetConfigForTests()
}
const failuresOf = (email: string) =>
  withService(db, (tx) =>
    tx.query<{ source: string; failures: number; locked: boolean }>(
      'select source, failures, locked_until is not null as locked from auth.login_failures where email = $1 order by source',
      [email],
    ),
  )

describe('failed-login lockout per (address, source)', () => {
  it(`locks only the source that failed ${LOCKOUT.maxFailures} times: the owner signs in from another address meanwhile`, async () => {
    trustProxy()
    const { email } = await createUser(db, { email: 'targeted@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures; i++) {
      expect((await attempt(email, `wrong guess ${i}`, '203.0.113.66')).status).toBe(401)
    }
    const locked = await attempt(email, password, '203.0.113.66')
    expect(locked.status).toBe(429)
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('locked')
    expect((await attempt(email, password, '198.51.100.7')).status).toBe(200)
  })

  it('keeps the locked pair out (429 + Retry-After, even with the right password) for 15 minutes, then lets it in', async () => {
    trustProxy()
    const { email } = await createUser(db, { email: 'locked@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures; i++) await attempt(email, `wrong guess ${i}`, '203.0.113.5')
    const locked = await attempt(email, password, '203.0.113.5')
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60)
    advance(14 * 60_000)
    const stillLocked = await attempt(email, password, '203.0.113.5')
    expect(stillLocked.status).toBe(429)
    expect(Number(stillLocked.headers.get('retry-after'))).toBe(60)
    advance(60_000)
    expect((await attempt(email, password, '203.0.113.5')).status).toBe(200)
  })

  it('cannot be used to keep the owner out when no client IP is trusted: the right password still signs in, slowed down', async () => {
    const { email } = await createUser(db, { email: 'weaponised@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures; i++) expect((await attempt(email, `wrong guess ${i}`)).status).toBe(401)
    const guess = await attempt(email, 'yet another guess')
    expect(guess.status).toBe(429)
    expect(((await guess.json()) as { error: { code: string } }).error.code).toBe('locked')
    expect((await attempt(email, password)).status).toBe(200)
  })

  it('while a slowed-down attempt waits, another for the same address is refused at once', async () => {
    const { email } = await createUser(db, { email: 'hammered@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures; i++) await attempt(email, `wrong guess ${i}`)
    const [first, second] = await Promise.all([attempt(email, 'guess one'), attempt(email, 'guess two')])
    expect([first?.status, second?.status]).toEqual([429, 429])
    expect((await failuresOf(email))[0]?.failures).toBe(LOCKOUT.maxFailures + 1)
  })

  it('forgets failures after a successful login', async () => {
    const { email } = await createUser(db, { email: 'forgiven@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await attempt(email, 'wrong')
    expect((await attempt(email, password)).status).toBe(200)
    expect(await failuresOf(email)).toEqual([])
  })

  it('counts failures only within a 15-minute window', async () => {
    const { email } = await createUser(db, { email: 'slow-typist@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await attempt(email, 'wrong')
    advance(LOCKOUT.windowMs + 1)
    expect((await attempt(email, 'wrong again')).status).toBe(401)
    expect(await failuresOf(email)).toEqual([{ source: 'unknown', failures: 1, locked: false }])
  })

  it('loses no failure when attempts arrive at once (atomic upsert; meaningful on a real server)', async () => {
    const { email } = await createUser(db, { email: 'stampede@example.com', password })
    const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(email, `parallel guess ${i}`)))
    expect(statuses.every((response) => response.status === 401)).toBe(true)
    expect(await failuresOf(email)).toEqual([{ source: 'unknown', failures: 8, locked: true }])
  })

  it('locks an unknown address exactly like a real one, so lockout does not reveal accounts', async () => {
    const { email } = await createUser(db, { email: 'real@example.com', password })
    for (let i = 0; i < LOCKOUT.maxFailures; i++) {
      await attempt('ghost@example.com', 'wrong')
      await attempt(email, 'wrong')
    }
    const ghost = await attempt('ghost@example.com', 'wrong')
    const real = await attempt(email, 'wrong')
    expect(ghost.status).toBe(429)
    expect(await ghost.json()).toEqual(await real.json())
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
