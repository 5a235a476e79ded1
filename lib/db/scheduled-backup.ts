import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Database } from './types'

/*
 * Backups the running app takes of its own embedded database (BACKUP_DIR): the app holds
 * the database, so it is the one process that can copy it while it serves; the copy waits
 * for the open transaction (see snapshot) and so holds committed work only. The newest
 * `keep` files stay; older ones are deleted. The files are what `npm run restore` reads.
 */

const NAME = /^oracle-\d{8}T\d{6}Z\.tar\.gz$/

export function backupFileName(at: Date): string {
  return `oracle-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}.tar.gz`
}

/** One backup into `dir`, then the retention: returns the file written and the files deleted. */
export async function takeScheduledBackup(db: Database, dir: string, keep: number, at: Date): Promise<{ file: string; deleted: string[] }> {
  if (!db.snapshot) throw new Error('Only the embedded database is backed up by the app.')
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, backupFileName(at))
  const tarball = Buffer.from(await (await db.snapshot('gzip')).arrayBuffer())
  await writeFile(`${file}.partial`, tarball, { mode: 0o600 })
  await rename(`${file}.partial`, file)
  // The names sort by time; anything else in the directory is not ours and stays.
  const ours = (await readdir(dir)).filter((name) => NAME.test(name)).sort()
  const deleted = ours.slice(0, Math.max(0, ours.length - keep)).map((name) => path.join(dir, name))
  await Promise.all(deleted.map((old) => rm(old, { force: true })))
  return { file, deleted }
}

/** Every `intervalHours`, from now on; the timer does not keep the process alive. */
export function startScheduledBackups(
  open: () => Promise<Database>,
  options: { dir: string; intervalHours: number; keep: number },
  log: (line: string) => void = (line) => console.log(`[backup] ${line}`),
): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      const { file, deleted } = await takeScheduledBackup(await open(), options.dir, options.keep, new Date())
      log(`wrote ${file}${deleted.length > 0 ? `, removed ${deleted.length} older` : ''}`)
    } catch (error) {
      log(`failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), options.intervalHours * 60 * 60 * 1000)
  timer.unref()
  return () => clearInterval(timer)
}
