import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { GET as statusRoute } from '@/app/api/auth/two-factor/route'
import { POST as disableRoute } from '@/app/api/auth/two-factor/disable/route'
import { POST as enableRoute } from '@/app/api/auth/two-factor/enable/route'
import { POST as setupRoute } from '@/app/api/auth/two-factor/setup/route'
import { setClockForTests } from '@/lib/auth/clock'
import { CODE_ATTEMPTS } from '@/lib/auth/two-factor/verify'
import { twoFactorEnableResponseSchema, twoFactorSetupResponseSchema, twoFactorStatusSchema } from '@/lib/contracts/two-factor'
import { setDatabaseForTests, withService, withUser } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { createUser, DEFAULT_TEST_PASSWORD, loginCookie, withoutParams } from '@/tests/support/auth'
import { answer, expectContract, expectNoContent } from '@/tests/support/route-calls'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

let db: TestDatabase
// A fixed clock at the start of a 30-second step, moved by whole steps.
let clock = new Date('2026-12-03T09:00:00Z')
const STEP_MS = 30_000
const advanceSteps = (steps: number) => {
  clock = new Date(clock.getTime() + steps * STEP_MS)
}
const codeAt = (secret: string, at = clock) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) })

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

type Handler = Parameters<typeof withoutParams>[0]
const post = (handler: Handler, path: string, cookie: string, body?: unknown) =>
  answer(withoutParams(handler), {}, path, { method: 'POST', cookie, ...(body === undefined ? {} : { body }) })

const signIn = (email: string, code?: string, password = DEFAULT_TEST_PASSWORD, ip?: string) =>
  answer(withoutParams(loginRoute), {}, '/api/auth/login', {
    body: { email, password, ...(code === undefined ? {} : { code }) },
    headers: ip ? { 'x-forwarded-for': ip } : {},
  })

const errorOf = (body: unknown) => (body as { error: { code: string; details?: { fields?: Record<string, string> } } }).error

/** A verified account with a session, two-factor set up (pending) and its seed. */
async function withPendingFactor(email: string) {
  const user = await createUser(db, { email })
  const cookie = await loginCookie(db, user.userId)
  const setup = expectContract(twoFactorSetupResponseSchema, await post(setupRoute, '/api/auth/two-factor/setup', cookie), 200)
  return { ...user, cookie, secret: setup.secret, otpauthUrl: setup.otpauthUrl }
}

/** The same, turned on with its first code; the clock then moves to the next step. */
async function withFactor(email: string) {
  const pending = await withPendingFactor(email)
  const enabled = await post(enableRoute, '/api/auth/two-factor/enable', pending.cookie, { code: await codeAt(pending.secret) })
  const { recoveryCodes } = expectContract(twoFactorEnableResponseSchema, enabled, 200)
  advanceSteps(1)
  return { ...pending, recoveryCodes }
}

const storedRow = (userId: string) =>
  withService(db, (tx) =>
    tx.query<{ secret_ciphertext: string; enabled: boolean; last_used_step: string | null }>(
      'select secret_ciphertext, enabled_at is not null as enabled, last_used_step from public.user_two_factor where user_id = $1',
      [userId],
    ),
  )

describe('setting up two-factor sign-in', () => {
  it('answers the seed and an otpauth URL, stores the seed only encrypted, and sign-in needs no code while it is pending', async () => {
    const { userId, email, secret, otpauthUrl } = await withPendingFactor('pending@two-factor.test')
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(otpauthUrl).toBe(`otpauth://totp/Elemental%20Oracle:${encodeURIComponent(email)}?secret=${secret}&issuer=Elemental%20Oracle`)
    const [row] = await storedRow(userId)
    expect(row?.enabled).toBe(false)
    expect(row?.secret_ciphertext).toMatch(/^v1:vitest:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/)
    // Not the seed, in any of the forms it could be written in.
    const everything = JSON.stringify(
      await withService(db, (tx) => tx.query('select * from public.user_two_factor where user_id = $1', [userId])),
    )
    expect(everything).not.toContain(secret)
    expect(everything.toLowerCase()).not.toContain(secret.toLowerCase())
    expect((await signIn(email)).status).toBe(200)
  })

  it('refuses a wrong first code with 400 naming the field and leaves it pending', async () => {
    const { userId, cookie, secret } = await withPendingFactor('wrong-first@two-factor.test')
    const wrong = String((Number(await codeAt(secret)) + 1) % 1_000_000).padStart(6, '0')
    const reply = await post(enableRoute, '/api/auth/two-factor/enable', cookie, { code: wrong })
    expect(reply.status).toBe(400)
    expect(errorOf(reply.body).details?.fields?.code).toBeTruthy()
    expect((await storedRow(userId))[0]?.enabled).toBe(false)
  })

  it('turns on with the current code and answers ten distinct recovery codes, stored only as hashes', async () => {
    const { userId, recoveryCodes } = await withFactor('enabled@two-factor.test')
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/)
    const hashes = await withService(db, (tx) =>
      tx.query<{ code_hash: string }>('select code_hash from public.user_recovery_codes where user_id = $1', [userId]),
    )
    expect(hashes).toHaveLength(10)
    const stored = hashes.map((row) => row.code_hash).join(' ')
    for (const code of recoveryCodes) expect(stored).not.toContain(code.replace(/-/g, ''))
  })

  it('refuses a second set-up while it is on with 409, keeping the seed', async () => {
    const { userId, cookie } = await withFactor('twice@two-factor.test')
    const before = (await storedRow(userId))[0]?.secret_ciphertext
    expect((await post(setupRoute, '/api/auth/two-factor/setup', cookie)).status).toBe(409)
    expect((await storedRow(userId))[0]?.secret_ciphertext).toBe(before)
  })

  it('reports its state to the account owner under RLS, who still cannot read the ciphertext or the hashes', async () => {
    const { userId, cookie } = await withFactor('status@two-factor.test')
    const status = expectContract(
      twoFactorStatusSchema,
      await answer(withoutParams(statusRoute), {}, '/api/auth/two-factor', { cookie }),
      200,
    )
    expect(status).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 })
    const claims = { sub: userId, email: 'status@two-factor.test' }
    await expect(withUser(db, claims, (tx) => tx.query('select secret_ciphertext from public.user_two_factor'))).rejects.toMatchObject({
      code: '42501',
    })
    await expect(withUser(db, claims, (tx) => tx.query('select code_hash from public.user_recovery_codes'))).rejects.toMatchObject({
      code: '42501',
    })
  })
})

describe('signing in with two-factor sign-in on', () => {
  it('refuses the right password without a code with 401 two_factor_required and starts no session', async () => {
    const { email } = await withFactor('no-code@two-factor.test')
    const reply = await signIn(email)
    expect(reply.status).toBe(401)
    expect(errorOf(reply.body).code).toBe('two_factor_required')
    expect(reply.cookie).toBe('')
  })

  it('refuses a wrong code with 401 two_factor_required naming the field, and counts it toward the lockout', async () => {
    const { email, secret } = await withFactor('wrong-code@two-factor.test')
    const wrong = String((Number(await codeAt(secret)) + 1) % 1_000_000).padStart(6, '0')
    const reply = await signIn(email, wrong)
    expect(reply.status).toBe(401)
    expect(errorOf(reply.body)).toMatchObject({ code: 'two_factor_required', details: { fields: { code: 'is not right' } } })
    expect(reply.cookie).toBe('')
    const failures = await withService(db, (tx) =>
      tx.query<{ failures: number }>('select failures from auth.login_failures where email = $1', [email]),
    )
    expect(failures).toEqual([{ failures: 1 }])
  })

  it('asks for no code after a wrong password: it says two_factor_required only to someone who knows the password', async () => {
    const { email, secret } = await withFactor('wrong-password@two-factor.test')
    const reply = await signIn(email, await codeAt(secret), 'not the password at all')
    expect(reply.status).toBe(401)
    expect(errorOf(reply.body).code).toBe('unauthorized')
  })

  it('accepts the current code once: the same code again in its window is refused, the next step works', async () => {
    const { email, secret, userId } = await withFactor('replay@two-factor.test')
    const code = await codeAt(secret)
    const first = await signIn(email, code)
    expect(first.status).toBe(200)
    expect(first.cookie).toMatch(/=/)
    expect(Number((await storedRow(userId))[0]?.last_used_step)).toBe(Math.floor(clock.getTime() / STEP_MS))
    const replay = await signIn(email, code)
    expect(replay.status).toBe(401)
    expect(errorOf(replay.body).code).toBe('two_factor_required')
    // An older code still inside the drift window is no way around it either.
    expect((await signIn(email, await codeAt(secret, new Date(clock.getTime() - STEP_MS)))).status).toBe(401)
    advanceSteps(1)
    expect((await signIn(email, await codeAt(secret))).status).toBe(200)
  })

  it('lets only one of two concurrent sign-ins with the same code through', async () => {
    const { email, secret } = await withFactor('race@two-factor.test')
    const code = await codeAt(secret)
    const replies = await Promise.all([signIn(email, code), signIn(email, code)])
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 401])
  })

  it('accepts a recovery code once, typed in any case and without dashes; the second time it is refused', async () => {
    const { email, recoveryCodes, cookie } = await withFactor('recovery@two-factor.test')
    const code = recoveryCodes[3] ?? ''
    expect((await signIn(email, code.replace(/-/g, '').toUpperCase())).status).toBe(200)
    const again = await signIn(email, code)
    expect(again.status).toBe(401)
    expect(errorOf(again.body).code).toBe('two_factor_required')
    const status = expectContract(
      twoFactorStatusSchema,
      await answer(withoutParams(statusRoute), {}, '/api/auth/two-factor', { cookie }),
      200,
    )
    expect(status.recoveryCodesLeft).toBe(9)
    expect((await signIn(email, recoveryCodes[4])).status).toBe(200)
  })

  it(`answers 429 after ${CODE_ATTEMPTS.maxHits} codes tried for one account in the window, even from many addresses`, async () => {
    const { email, secret } = await withFactor('guessing@two-factor.test')
    // Behind a trusted proxy every address has a lockout count of its own: one failure each.
    process.env.TRUST_PROXY = 'true'
    resetConfigForTests()
    try {
      for (let attempt = 0; attempt < CODE_ATTEMPTS.maxHits; attempt++) {
        expect((await signIn(email, '000000', DEFAULT_TEST_PASSWORD, `198.51.100.${attempt + 1}`)).status).toBe(401)
      }
      const blocked = await signIn(email, await codeAt(secret), DEFAULT_TEST_PASSWORD, '203.0.113.7')
      expect(blocked.status).toBe(429)
      expect(errorOf(blocked.body).code).toBe('rate_limited')
    } finally {
      delete process.env.TRUST_PROXY
      resetConfigForTests()
    }
  })
})

describe('turning two-factor sign-in off', () => {
  it('needs a current code or the password; a wrong one is 403 and it stays on', async () => {
    const { email, cookie, secret } = await withFactor('off@two-factor.test')
    expect((await post(disableRoute, '/api/auth/two-factor/disable', cookie, {})).status).toBe(400)
    const wrongPassword = await post(disableRoute, '/api/auth/two-factor/disable', cookie, { password: 'not my password' })
    expect(wrongPassword.status).toBe(403)
    expect(errorOf(wrongPassword.body).details?.fields?.password).toBe('is incorrect')
    expect((await post(disableRoute, '/api/auth/two-factor/disable', cookie, { code: '000000' })).status).toBe(403)
    expect((await signIn(email)).status).toBe(401)
    expectNoContent(await post(disableRoute, '/api/auth/two-factor/disable', cookie, { code: await codeAt(secret) }))
    expect((await signIn(email)).status).toBe(200)
  })

  it('with the password removes the seed and the recovery codes', async () => {
    const { userId, cookie } = await withFactor('off-by-password@two-factor.test')
    expectNoContent(await post(disableRoute, '/api/auth/two-factor/disable', cookie, { password: DEFAULT_TEST_PASSWORD }))
    const left = await withService(db, (tx) =>
      tx.query<{ n: number }>(
        `select (select count(*) from public.user_two_factor where user_id = $1)::int
              + (select count(*) from public.user_recovery_codes where user_id = $1)::int as n`,
        [userId],
      ),
    )
    expect(left).toEqual([{ n: 0 }])
  })
})

it('asks for a session on every two-factor route', async () => {
  for (const [handler, path] of [
    [setupRoute, '/api/auth/two-factor/setup'],
    [enableRoute, '/api/auth/two-factor/enable'],
    [disableRoute, '/api/auth/two-factor/disable'],
  ] as const) {
    expect((await answer(withoutParams(handler), {}, path, { method: 'POST', body: { code: '123456' } })).status).toBe(401)
  }
  expect((await answer(withoutParams(statusRoute), {}, '/api/auth/two-factor')).status).toBe(401)
})
