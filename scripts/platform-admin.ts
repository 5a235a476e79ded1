import { parseArgs } from 'node:util'
import { ensurePlatformAdmin, PlatformAdminError } from '@/lib/auth/platform-admin'
import { DatabaseInUseError } from '@/lib/db/data-dir-lock'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { openPostgres } from '@/lib/db/postgres-driver'
import { config } from '@/lib/env'

const usage = [
  'Usage: npm run platform-admin -- --email you@example.com --password "at least 10 characters"   (creates the account)',
  '       npm run platform-admin -- --email you@example.com --promote-existing                    (promotes an existing, verified account)',
].join('\n')

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, 'promote-existing': { type: 'boolean' } },
  })
  if (!values.email) {
    console.error(usage)
    return 1
  }
  const env = config()
  // Embedded mode: openPglite refuses (DatabaseInUseError) while the app holds the directory.
  const db = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, { max: 1 }) : await openPglite(env.PGLITE_DATA_DIR)
  try {
    await migrate(db)
    const result = await ensurePlatformAdmin(db, {
      email: values.email,
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
