import { execFileSync } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string
  }
}

/**
 * Starting PGlite and running every migration costs seconds per test file; doing it
 * once and handing each file a copy of the migrated data directory keeps the suite fast
 * while every file still gets a database of its own.
 */
export default async function setup(project: TestProject) {
  // Jobs extract files in worker threads that run the built worker script, as the app does.
  execFileSync(process.execPath, ['scripts/build-ingest-worker.mjs'], { stdio: 'inherit' })
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteSnapshot', '')
    return
  }
  const db = await openPglite()
  await migrate(db)
  const snapshot = await db.snapshot?.()
  await db.close()
  if (!snapshot) throw new Error('PGlite did not produce a snapshot')
  const file = path.join(os.tmpdir(), `oracle-test-snapshot-${process.pid}.tar`)
  await writeFile(file, Buffer.from(await snapshot.arrayBuffer()))
  project.provide('pgliteSnapshot', file)
  return async () => {
    await rm(file, { force: true })
  }
}
