import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { BackupError, backupEmbedded } from '@/lib/db/backup'
import { DatabaseInUseError } from '@/lib/db/data-dir-lock'
import { config } from '@/lib/env'
import { generatedKeyFile } from '@/lib/secrets'

/* `npm run backup -- --out <file> [--force]`: the embedded database as one gzipped tarball. */

const SERVER_DATABASE = [
  'DATABASE_URL is set: back up the server database with its own tools, e.g.',
  '  pg_dump --format=custom --no-owner --file=oracle.dump "$DATABASE_URL"',
  "or your provider's point-in-time recovery (Supabase: Database -> Backups). See the README.",
].join('\n')

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, force: { type: 'boolean' } } })
  if (!values.out) {
    console.error('Usage: npm run backup -- --out <file> [--force]   (stop the app first; a running app keeps the database to itself)')
    return 1
  }
  const env = config()
  if (env.DATABASE_URL) {
    console.error(SERVER_DATABASE)
    return 1
  }
  const { bytes } = await backupEmbedded(env.PGLITE_DATA_DIR, values.out, { force: values.force === true })
  console.log(`Backed up ${env.PGLITE_DATA_DIR} to ${values.out} (${bytes} bytes).`)
  const keyFile = generatedKeyFile(env.PGLITE_DATA_DIR)
  if (!env.SECRETS_KEY.length && existsSync(keyFile)) {
    console.log(`Stored secrets are encrypted with the key in ${keyFile}, which the backup does not hold: keep a copy of it apart.`)
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DatabaseInUseError || error instanceof BackupError
    console.error(known ? (error as Error).message : `backup failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
