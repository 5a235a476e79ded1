import { parseArgs } from 'node:util'
import { ensurePlatformAdmin, PlatformAdminError } from '@/lib/auth/platform-admin'
import { setAdminsRequireTwoFactor } from '@/lib/auth/platform-settings'
import { DatabaseInUseError } from '@/lib/db/data-dir-lock'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { openPostgres } from '@/lib/db/postgres-driver'
import { config } from '@/lib/env'

const usage = [
  'Usage: npm run platform-admin -- --email you@example.com --password "at least 10 characters"   (creates the account)',
  '       npm run platform-admin -- --email you@example.com --promote-existing                    (promotes an existing, verified account)',
  '       npm run platform-admin -- --require-two-factor on|off                                   (platform admins must use two-factor sign-in)',
].join('\n')

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      'promote-existing': { type: 'boolean' },
      'require-two-factor': { type: 'string' },
    },
  })
  const requireTwoFactor = values['require-two-factor']
  if (requireTwoFactor !== undefined && requireTwoFactor !== 'on' && requireTwoFactor !== 'off') {
    console.error(usage)
    return 1
  }
  if (!values.email && requireTwoFactor === undefined) {
    console.error(usage)
    return 1
  }
  const env = config()
  // Embedded mode: openPglite refuses (DatabaseInUseError) while the app holds the directory.
  const db = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, { max: 1 }) : await openPglite(env.PGLITE_DATA_DIR)
  try {
    await migrate(db)
    if (requireTwoFactor !== undefined) {
      await setAdminsRequireTwoFactor(db, requireTwoFactor === 'on')
      console.log(`Platform admins ${requireTwoFactor === 'on' ? 'must now' : 'no longer have to'} sign in with two-factor sign-in.`)
      if (!values.email) return 0
    }
    const result = await ensurePlatformAdmin(db, {
      email: values.email ?? '',
      password: values.password,
      promoteExisting: values['promote-existing'] === true,
      authMode: env.modes.auth,
    })
    const account = result.createdUser ? 'created the account' : 'found the account'
    const role = result.alreadyAdmin ? 'it was already a platform admin' : 'it is now a platform admin'
    console.log(`${result.email}: ${account}; ${role}.`)
    return 0
  } finally {
    await db.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DatabaseInUseError || error instanceof PlatformAdminError) {
      console.error(error.message)
    } else {
      console.error('platform-admin failed:', error instanceof Error ? error.message : error)
    }
    process.exit(1)
  },
)
