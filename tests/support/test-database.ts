import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import postgres from 'postgres'
import { inject } from 'vitest'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { openPostgres } from '@/lib/db/postgres-driver'
import type { Database } from '@/lib/db/types'

export type TestDatabase = Database & { label: string }

/**
 * A fresh, fully migrated database for one test file: in-memory PGlite by default,
 * or a new database on the server named by TEST_DATABASE_URL (dropped on close).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const snapshotFile = inject('pgliteSnapshot')
    const snapshot = snapshotFile ? new Blob([await readFile(snapshotFile)]) : undefined
    const db = await openPglite(undefined, { snapshot })
    await migrate(db)
    return { ...db, label: 'pglite' }
  }
  const name = `oracle_t_${randomBytes(6).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const db = openPostgres(url.toString(), { max: 20 })
  await migrate(db)
  return {
    ...db,
    label: 'postgres',
    async close() {
      await db.close()
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
