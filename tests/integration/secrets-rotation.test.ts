import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { generate } from 'otplib'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { POST as enableRoute } from '@/app/api/auth/two-factor/enable/route'
import { POST as setupRoute } from '@/app/api/auth/two-factor/setup/route'
import { setClockForTests } from '@/lib/auth/clock'
import { twoFactorSetupResponseSchema } from '@/lib/contracts/two-factor'
import { setDatabaseForTests, withService } from '@/lib/db'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { parseEnv, resetConfigForTests } from '@/lib/env'
import { encryptSecret, keyRing, keyRingFrom, reencryptStoredSecrets, SecretDecryptionError, twoFactorSecretContext } from '@/lib/secrets'
import { actingAs } from '@/lib/multi-tenant/access'
import { readIdentitySecret, rotateIdentitySecret } from '@/lib/multi-tenant/end-users'
import { addMember, createTenant, createUser, DEFAULT_TEST_PASSWORD, loginCookie, withoutParams } from '@/tests/support/auth'
import { answer, expectContract } from '@/tests/support/route-calls'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const run = promisify(execFile)
const keySpec = (id: string) => `${id}:${randomBytes(32).toString('base64')}`
const OLD = keySpec('2026-11')
const NEW = keySpec('2026-12')
const suiteKey = process.env.SECRETS_KEY

let db: TestDatabase
let clock = new Date('2026-12-03T09:00:00Z')
const nextStep = () => {
  clock = new Date(clock.getTime() + 30_000)
}
const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(clock.getTime() / 1000) })

function useKeys(current: string, old = '') {
  process.env.SECRETS_KEY = current
  process.env.SECRETS_OLD_KEYS = old
  resetConfigForTests()
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  setClockForTests(() => clock)
})
afterEach(() => useKeys(suiteKey ?? ''))
afterAll(async () => {
  delete process.env.SECRETS_OLD_KEYS
  setClockForTests(undefined)
  setDatabaseForTests(undefined)
  await db.close()
})

/** An account with two-factor sign-in turned on through the routes, under whatever key is configured. */
async function accountWithFactor(email: string) {
  const { userId } = await createUser(db, { email })
  const cookie = await loginCookie(db, userId)
  const setup = await answer(withoutParams(setupRoute), {}, '/api/auth/two-factor/setup', { method: 'POST', cookie })
  const { secret } = expectContract(twoFactorSetupResponseSchema, setup, 200)
  const enabled = await answer(withoutParams(enableRoute), {}, '/api/auth/two-factor/enable', {
    method: 'POST',
    cookie,
    body: { code: await codeNow(secret) },
  })
  expect(enabled.status).toBe(200)
  nextStep()
  return { userId, email, secret }
}

const signInWithCode = async (email: string, secret: string) => {
  const reply = await answer(withoutParams(loginRoute), {}, '/api/auth/login', {
    body: { email, password: DEFAULT_TEST_PASSWORD, code: await codeNow(secret) },
  })
  nextStep()
  return reply.status
}

const keyIds = () =>
  withService(db, (tx) =>
    tx.query<{ key_id: string; n: number }>(
      "select split_part(secret_ciphertext, ':', 2) as key_id, count(*)::int as n from public.user_two_factor group by 1 order by 1",
    ),
  )

describe('rotating the secrets key', () => {
  it('re-encrypts every seed under the new key; old ciphertexts open meanwhile, and sign-in works throughout', async () => {
    useKeys(OLD)
    const alice = await accountWithFactor('alice@rotation.test')
    const bob = await accountWithFactor('bob@rotation.test')
    expect(await keyIds()).toEqual([{ key_id: '2026-11', n: 2 }])
    const tenant = await createTenant(db, { slug: 'rotation', name: 'Rotation' })
    await addMember(db, tenant.id, alice.userId, 'admin')
    const admin = actingAs(db, { sub: alice.userId })
    const identity = await rotateIdentitySecret(admin, tenant.id)

    useKeys(NEW, OLD)
    // Not rotated yet: the old key in SECRETS_OLD_KEYS still opens the stored seeds.
    expect(await signInWithCode(alice.email, alice.secret)).toBe(200)
    expect(await reencryptStoredSecrets(db, keyRing(), 1)).toEqual([
      { name: 'two-factor seeds', reencrypted: 2 },
      { name: 'identity secrets', reencrypted: 1 },
    ])
    expect(await keyIds()).toEqual([{ key_id: '2026-12', n: 2 }])
    expect(await reencryptStoredSecrets(db, keyRing())).toEqual([
      { name: 'two-factor seeds', reencrypted: 0 },
      { name: 'identity secrets', reencrypted: 0 },
    ])

    useKeys(NEW)
    expect(await readIdentitySecret(admin, tenant.id)).toEqual(identity)
    expect(await signInWithCode(alice.email, alice.secret)).toBe(200)
    expect(await signInWithCode(bob.email, bob.secret)).toBe(200)
  })

  it('stops at a seed no configured key opens, naming the key, and changes nothing', async () => {
    const lost = keySpec('lost')
    useKeys(lost)
    await accountWithFactor('carol@rotation.test')
    const before = await keyIds()
    useKeys(NEW)
    await expect(reencryptStoredSecrets(db, keyRing())).rejects.toThrowError(SecretDecryptionError)
    await expect(reencryptStoredSecrets(db, keyRing())).rejects.toThrowError(/key "lost"/)
    expect(await keyIds()).toEqual(before)
  })
})

describe('npm run secrets:rotate', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'oracle-rotate-'))
  const dataDir = path.join(scratch, 'pglite')
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  const cli = (env: Record<string, string>) =>
    run(path.join('node_modules', '.bin', 'tsx'), ['scripts/secrets-rotate.ts'], {
      env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: dataDir, ...env },
    }).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stderr: string }) => ({ code: error.code, output: error.stderr }),
    )

  it('refuses while the app holds the embedded database, then re-encrypts it once it is free', async () => {
    const embedded = await openPglite(dataDir)
    const ring = keyRingFrom(parseEnv({ SECRETS_KEY: OLD, PGLITE_DATA_DIR: dataDir }))
    try {
      await migrate(embedded)
      await withService(embedded, async (tx) => {
        const [user] = await tx.query<{ id: string }>("insert into auth.users (email) values ('cli@rotation.test') returning id")
        const sealed = encryptSecret(ring, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', twoFactorSecretContext(String(user?.id)))
        await tx.query('insert into public.user_two_factor (user_id, secret_ciphertext, enabled_at) values ($1, $2, now())', [
          user?.id,
          sealed,
        ])
      })
      const busy = await cli({ SECRETS_KEY: NEW, SECRETS_OLD_KEYS: OLD })
      expect(busy.code).toBe(1)
      expect(busy.output).toMatch(/in use by another process/)
    } finally {
      await embedded.close()
    }
    const done = await cli({ SECRETS_KEY: NEW, SECRETS_OLD_KEYS: OLD })
    expect(done).toEqual({
      code: 0,
      output: 'two-factor seeds: 1 re-encrypted under key "2026-12".\nidentity secrets: 0 re-encrypted under key "2026-12".\n',
    })
    const reopened = await openPglite(dataDir)
    try {
      const rows = await withService(reopened, (tx) =>
        tx.query<{ key_id: string }>("select split_part(secret_ciphertext, ':', 2) as key_id from public.user_two_factor"),
      )
      expect(rows).toEqual([{ key_id: '2026-12' }])
    } finally {
      await reopened.close()
    }
  })
})
