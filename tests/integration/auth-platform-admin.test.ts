import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensurePlatformAdmin } from '@/lib/auth/platform-admin'
import { verifyPassword } from '@/lib/auth/local/password'
import { withService } from '@/lib/db'
import { openPglite } from '@/lib/db/pglite-driver'
import { createUser } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(async () => {
  await db.close()
})

const isAdmin = async (userId: string) =>
  (await withService(db, (tx) => tx.query('select 1 from public.platform_admins where user_id = $1', [userId]))).length === 1

describe('ensurePlatformAdmin (the work behind npm run platform-admin)', () => {
  it('creates a missing account with the given password and makes it a platform admin', async () => {
    const result = await ensurePlatformAdmin(db, { email: 'Root@Example.com', password: 'a long admin password', authMode: 'local' })
    expect(result).toMatchObject({ email: 'root@example.com', createdUser: true, alreadyAdmin: false })
    expect(await isAdmin(result.userId)).toBe(true)
    const rows = await withService(db, (tx) =>
      tx.query<{ encrypted_password: string }>('select encrypted_password from auth.users where id = $1', [result.userId]),
    )
    expect(await verifyPassword('a long admin password', rows[0]?.encrypted_password ?? null)).toBe(true)
  })

  it('refuses to promote an account it did not create unless asked to, and says so', async () => {
    const user = await createUser(db, { email: 'ops@example.com', password: 'squatter password' })
    await expect(ensurePlatformAdmin(db, { email: 'ops@example.com', authMode: 'local' })).rejects.toThrow(
      /did not create, so it was not promoted.*--promote-existing/,
    )
    expect(await isAdmin(user.userId)).toBe(false)
  })

  it('never ignores --password: with an existing account it refuses, changes nothing, and says why', async () => {
    const user = await createUser(db, { email: 'preregistered@example.com', password: 'their own password' })
    for (const promoteExisting of [false, true]) {
      await expect(
        ensurePlatformAdmin(db, {
          email: 'preregistered@example.com',
          password: 'the operator password',
          promoteExisting,
          authMode: 'local',
        }),
      ).rejects.toThrow(/--password was not applied/)
    }
    expect(await isAdmin(user.userId)).toBe(false)
    const rows = await withService(db, (tx) =>
      tx.query<{ encrypted_password: string }>('select encrypted_password from auth.users where id = $1', [user.userId]),
    )
    expect(await verifyPassword('their own password', rows[0]?.encrypted_password ?? null)).toBe(true)
  })

  it('promotes an existing, verified account with --promote-existing, keeping its password; again: already an admin', async () => {
    const user = await createUser(db, { email: 'existing@example.com', password: 'kept password 1' })
    const first = await ensurePlatformAdmin(db, { email: 'existing@example.com', promoteExisting: true, authMode: 'local' })
    expect(first).toMatchObject({ userId: user.userId, createdUser: false, alreadyAdmin: false })
    expect(await isAdmin(user.userId)).toBe(true)
    const again = await ensurePlatformAdmin(db, { email: 'existing@example.com', authMode: 'local' })
    expect(again.alreadyAdmin).toBe(true)
  })

  it('does not promote an account whose address is not verified, even when asked', async () => {
    await withService(db, (tx) => tx.query("insert into auth.users (email) values ('unverified-ops@example.com')"))
    await expect(
      ensurePlatformAdmin(db, { email: 'unverified-ops@example.com', promoteExisting: true, authMode: 'local' }),
    ).rejects.toThrow(/not verified/)
  })

  it('creates accounts verified: the operator named the address', async () => {
    const result = await ensurePlatformAdmin(db, { email: 'fresh-root@example.com', password: 'a long admin password', authMode: 'local' })
    const rows = await withService(db, (tx) =>
      tx.query<{ verified: boolean }>('select email_confirmed_at is not null as verified from auth.users where id = $1', [result.userId]),
    )
    expect(rows).toEqual([{ verified: true }])
  })

  it('applies the password policy to a new account and needs a password to create one', async () => {
    await expect(ensurePlatformAdmin(db, { email: 'weak@example.com', password: 'short', authMode: 'local' })).rejects.toThrow(
      /at least 10/,
    )
    await expect(ensurePlatformAdmin(db, { email: 'nopass@example.com', authMode: 'local' })).rejects.toThrow(/--password/)
    await expect(ensurePlatformAdmin(db, { email: 'not-an-email', password: 'long enough pw', authMode: 'local' })).rejects.toThrow(
      /not an email/,
    )
  })

  it('does not create accounts in Supabase mode: they belong to Supabase Auth', async () => {
    await expect(
      ensurePlatformAdmin(db, { email: 'sb-missing@example.com', password: 'long enough pw', authMode: 'supabase' }),
    ).rejects.toThrow(/sign up in the app first/)
  })
})

describe('the CLI on an embedded database the app is using', () => {
  it('refuses with the clear "in use" message and exit code 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oracle-cli-'))
    const dataDir = path.join(dir, 'pglite')
    const running = await openPglite(dataDir) // stands in for the running app
    try {
      const result = spawnSync(
        process.execPath,
        [
          path.resolve('node_modules/tsx/dist/cli.mjs'),
          'scripts/platform-admin.ts',
          '--email',
          'cli@example.com',
          '--password',
          'a long cli password',
        ],
        { env: { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 },
      )
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(`is in use by another process (pid ${process.pid})`)
    } finally {
      await running.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
