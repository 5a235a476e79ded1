/*
 * A build is only as good as the dependencies it was made with: after `npm install`
 * changes node_modules (or Node itself changes), an old `.next` can fail in ways that
 * look like bugs of the app. The build records what it was made with; anything that
 * would run or rebuild on top of an old `.next` checks that first and removes it when
 * it no longer matches.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const RECORD = 'deps-fingerprint'

/** The lock file (every installed version) and the Node version the build ran on. */
export function dependencyFingerprint(root) {
  const lock = readFileSync(path.join(root, 'package-lock.json'))
  return createHash('sha256').update(lock).update(`\0${process.version}`).digest('hex')
}

/** True when `.next` holds a complete build made with the installed dependencies. */
export function buildIsFresh(root) {
  const record = path.join(root, '.next', RECORD)
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || !existsSync(record)) return false
  return readFileSync(record, 'utf8').trim() === dependencyFingerprint(root)
}

/** Removes a `.next` made with other dependencies (or of unknown origin); returns whether it did. */
export function removeStaleBuild(root) {
  const dir = path.join(root, '.next')
  if (!existsSync(dir) || buildIsFresh(root)) return false
  rmSync(dir, { recursive: true, force: true })
  return true
}

/** Called after a successful `next build`. */
export function recordBuild(root) {
  writeFileSync(path.join(root, '.next', RECORD), `${dependencyFingerprint(root)}\n`)
}
