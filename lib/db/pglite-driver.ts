import { PGlite, type Transaction } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'
import { acquireDataDirLock } from './data-dir-lock'
import type { Database, Queryable, Row } from './types'

export function wrap(tx: Transaction | PGlite): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await tx.query<T>(sql, params as unknown[])
      return result.rows
    },
    async exec(sql: string) {
      await tx.exec(sql)
    },
  }
}

/** A PGlite with pgvector whose session finds the extensions' types, as Supabase's does. */
export async function createPglite(dataDir?: string, snapshot?: Blob): Promise<PGlite> {
  const pg = await PGlite.create({ dataDir, loadDataDir: snapshot, extensions: { vector } })
  await pg.exec('set search_path to "$user", public, extensions')
  return pg
}

/** A Database over an open PGlite; `release` gives the data directory's lock back when it closes. */
export function pgliteDatabase(pg: PGlite, release: () => void = () => {}): Database {
  return {
    kind: 'pglite',
    // Inside the transaction mutex: the copy waits for an open transaction and holds only committed work.
    snapshot: (compression = 'none') => pg.transaction(() => pg.dumpDataDir(compression)),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await pg.close()
      } finally {
        release()
      }
    },
  }
}

/**
 * Embedded Postgres. PGlite is a single session: its transaction mutex serialises
 * every request, so transaction-local settings cannot leak between requests.
 * `dataDir` undefined = in memory (tests), optionally started from a dumped snapshot.
 */
export async function openPglite(dataDir?: string, options: { snapshot?: Blob } = {}): Promise<Database> {
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {}
  try {
    return pgliteDatabase(await createPglite(dataDir, options.snapshot), release)
  } catch (error) {
    release()
    throw error
  }
}
