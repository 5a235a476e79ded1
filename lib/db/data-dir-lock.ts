import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import path from 'node:path'

export class DatabaseInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database at ${dataDir} is in use by another process (pid ${pid}). ` +
        'Stop that process first (for example the running app), or point PGLITE_DATA_DIR at another directory.',
    )
    this.name = 'DatabaseInUseError'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function lockPath(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`
}

/**
 * PGlite is one process's database: two processes writing one directory corrupt it.
 * An exclusive lock file beside the directory turns that into a clear error; a lock left
 * by a process that died is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = lockPath(dataDir)
  mkdirSync(path.dirname(file), { recursive: true })
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      const release = () => {
        if (released) return
        released = true
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true })
        } catch {
          // already gone: nothing to release
        }
      }
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number.parseInt(readFileSync(file, 'utf8').trim(), 10)
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseInUseError(path.resolve(dataDir), owner)
      }
      rmSync(file, { force: true })
    }
  }
  throw new Error(`Could not lock the embedded database at ${path.resolve(dataDir)}.`)
}
