import { parseArgs } from 'node:util'
import { BackupError, restoreEmbedded } from '@/lib/db/backup'
import { DatabaseInUseError } from '@/lib/db/data-dir-lock'
import { config } from '@/lib/env'

/* `npm run restore -- --in <file> [--force]`: the embedded database from a backup. */

const SERVER_DATABASE = [
  'DATABASE_URL is set: restore the server database with its own tools, e.g.',
  '  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" oracle.dump',
  "or your provider's point-in-time recovery (Supabase: Database -> Backups). See the README.",
].join('\n')

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { in: { type: 'string' }, force: { type: 'boolean' } } })
  if (!values.in) {
    console.error('Usage: npm run restore -- --in <file> [--force]   (stop the app first; --force replaces a database already there)')
    return 1
  }
  const env = config()
  if (env.DATABASE_URL) {
    console.error(SERVER_DATABASE)
    return 1
  }
  const { keptAside, migrated } = await restoreEmbedded(values.in, env.PGLITE_DATA_DIR, { force: values.force === true })
  console.log(`Restored ${values.in} into ${env.PGLITE_DATA_DIR}.`)
  if (keptAside) console.log(`The database that was there is kept at ${keptAside}; delete it once you are sure.`)
  if (migrated.length > 0) console.log(`Applied ${migrated.length} migration(s) newer than the backup.`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DatabaseInUseError || error instanceof BackupError
    console.error(known ? (error as Error).message : `restore failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
