import { config } from '@/lib/env'
import { migrate } from './migrate'
import { openPgliteThread } from './pglite-thread/driver'
import { openPostgres } from './postgres-driver'
import type { Database } from './types'

export { asServer, becomeUser, withAnon, withApiKey, withEndUser, withService, withUser } from './access'
export type { Claims, Database, Queryable, Row } from './types'

// One database per process, kept on globalThis so dev-mode module reloads reuse it
// instead of opening the embedded directory a second time.
const holder = globalThis as unknown as { __oracleDb?: Promise<Database> }

async function open(): Promise<Database> {
  const env = config()
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL)
  const db = await openPgliteThread(env.PGLITE_DATA_DIR)
  try {
    await migrate(db, process.cwd(), (line) => console.log(`[db] ${line}`))
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}

/** The process's database, opened on first use (never at import, so `next build` leaves it alone). */
export function getDatabase(): Promise<Database> {
  if (!holder.__oracleDb) {
    holder.__oracleDb = open().catch((error: unknown) => {
      holder.__oracleDb = undefined
      throw error
    })
  }
  return holder.__oracleDb
}

/** Tests hand route handlers their own database. */
export function setDatabaseForTests(db: Database | undefined): void {
  holder.__oracleDb = db ? Promise.resolve(db) : undefined
}
