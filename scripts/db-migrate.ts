import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { openPostgres } from '@/lib/db/postgres-driver'
import { config } from '@/lib/env'

async function main() {
  const env = config()
  const db = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, { max: 1 }) : await openPglite(env.PGLITE_DATA_DIR)
  const target = env.DATABASE_URL ? 'DATABASE_URL' : env.PGLITE_DATA_DIR
  try {
    const applied = await migrate(db, process.cwd(), (line) => console.log(line))
    console.log(applied.length ? `${applied.length} migration(s) applied to ${target}.` : `${target} is up to date.`)
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
