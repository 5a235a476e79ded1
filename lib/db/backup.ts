import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { acquireDataDirLock } from './data-dir-lock'
import { migrate } from './migrate'
import { createPglite, openPglite, pgliteDatabase } from './pglite-driver'

/*
 * Backup and restore of the embedded database: a gzipped tarball of its data directory
 * (PGlite's dumpDataDir / loadDataDir). Both need the directory to themselves: while the
 * app runs, its lock refuses them (DatabaseInUseError), so a backup is never a copy of
 * files in the middle of a write. A server database is backed up with its own tools
 * (pg_dump, point-in-time recovery): see the README.
 */

export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

/** Writes the database to `outFile` (to a temporary name first, so a failed run leaves no half file). */
export async function backupEmbedded(dataDir: string, outFile: string, options: { force?: boolean } = {}): Promise<{ bytes: number }> {
  if (existsSync(outFile) && !options.force) throw new BackupError(`${outFile} exists already; pass --force to replace it.`)
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`There is no embedded database at ${path.resolve(dataDir)}.`)
  const db = await openPglite(dataDir)
  try {
    const tarball = await db.snapshot?.('gzip')
    if (!tarball) throw new BackupError('The embedded database could not be dumped.')
    const bytes = Buffer.from(await tarball.arrayBuffer())
    const partial = `${outFile}.partial`
    await writeFile(partial, bytes, { mode: 0o600 })
    await rename(partial, outFile)
    return { bytes: bytes.length }
  } finally {
    await db.close()
  }
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0

/**
 * Replaces the database in `dataDir` with the one in `inFile`, then applies migrations
 * newer than the backup. A database already there is kept aside as
 * `<dataDir>.before-restore-<time>` (and put back if the restore fails), and only with
 * `force`: a restore never silently destroys data.
 */
export async function restoreEmbedded(
  inFile: string,
  dataDir: string,
  options: { force?: boolean; root?: string } = {},
): Promise<{ keptAside: string | null; migrated: string[] }> {
  const release = acquireDataDirLock(dataDir)
  let keptAside: string | null = null
  try {
    if (!existsSync(inFile)) throw new BackupError(`${inFile} does not exist.`)
    if (!isEmptyDir(dataDir)) {
      if (!options.force) {
        throw new BackupError(`${path.resolve(dataDir)} holds a database; pass --force to replace it (it is kept aside, not deleted).`)
      }
      keptAside = `${path.resolve(dataDir)}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
      renameSync(dataDir, keptAside)
    }
    try {
      const db = pgliteDatabase(await createPglite(dataDir, new Blob([await readFile(inFile)])))
      try {
        return { keptAside, migrated: await migrate(db, options.root) }
      } finally {
        await db.close()
      }
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true })
      if (keptAside) renameSync(keptAside, dataDir)
      keptAside = null
      throw error instanceof BackupError ? error : new BackupError(`${inFile} could not be restored: ${(error as Error).message}`)
    }
  } finally {
    release()
  }
}
