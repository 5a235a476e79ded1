import { DatabaseInUseError } from '@/lib/db/data-dir-lock'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { openPostgres } from '@/lib/db/postgres-driver'
import { config } from '@/lib/env'
import { keyRing, reencryptStoredSecrets, SecretDecryptionError } from '@/lib/secrets'

/*
 * `npm run secrets:rotate`: re-seals every stored secret under SECRETS_KEY. Rotate by
 * moving the current key to SECRETS_OLD_KEYS, setting a new SECRETS_KEY (on every app
 * instance), running this, then dropping the old key once it reports nothing left.
 */
async function main(): Promise<number> {
  const env = config()
  const ring = keyRing()
  // Embedded mode: openPglite refuses (DatabaseInUseError) while the app holds the directory.
  const db = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, { max: 1 }) : await openPglite(env.PGLITE_DATA_DIR)
  try {
    await migrate(db)
    for (const { name, reencrypted } of await reencryptStoredSecrets(db, ring)) {
      console.log(`${name}: ${reencrypted} re-encrypted under key "${ring.current.id}".`)
    }
    return 0
  } finally {
    await db.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DatabaseInUseError || error instanceof SecretDecryptionError
    console.error(known ? (error as Error).message : `secrets:rotate failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
