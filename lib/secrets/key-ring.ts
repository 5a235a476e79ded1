import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { config, type Config } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { formatKeySpec, KEY_BYTES, parseKeySpec, type SecretKey } from './key-spec'

/** The current key seals; every key the ring holds (the current one included) opens. */
export type KeyRing = { current: SecretKey; byId: ReadonlyMap<string, Buffer> }

/** Beside the embedded data directory, like its lock file: a backup of the directory does not carry the key. */
export function generatedKeyFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.secrets-key`
}

/**
 * The embedded database's own key, made once on a fresh machine so two-factor sign-in
 * works with no set-up. `wx` makes a second process that races this one read the
 * winner's key instead of writing its own.
 */
function generatedKey(dataDir: string, create: boolean): SecretKey | null {
  const file = generatedKeyFile(dataDir)
  const read = () => {
    const parsed = parseKeySpec(readFileSync(file, 'utf8').trim())
    if (typeof parsed === 'string') throw new Error(`The generated secrets key in ${file} ${parsed}.`)
    return parsed
  }
  try {
    return read()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  if (!create) return null
  const key = { id: `generated-${randomBytes(4).toString('hex')}`, key: randomBytes(KEY_BYTES) }
  mkdirSync(path.dirname(file), { recursive: true })
  try {
    writeFileSync(file, `${formatKeySpec(key)}\n`, { flag: 'wx', mode: 0o600 })
    return key
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return read()
    throw error
  }
}

/**
 * SECRETS_KEY seals, SECRETS_OLD_KEYS only open. In embedded mode without SECRETS_KEY the
 * generated key seals; with it, a generated key already there still opens, so moving to
 * a configured key is: set it, then `npm run secrets:rotate`. A server database has
 * several app instances that must share one key, so there it has to be configured.
 */
export function keyRingFrom(env: Config): KeyRing {
  const embedded = env.modes.database === 'pglite'
  const generated = embedded ? generatedKey(env.PGLITE_DATA_DIR, env.SECRETS_KEY.length === 0) : null
  const current = env.SECRETS_KEY[0] ?? generated
  if (!current) {
    throw new AppError(
      'unavailable',
      'Storing secrets needs an encryption key: set SECRETS_KEY to <key id>:<32 random bytes in base64> (see .env.example).',
    )
  }
  const byId = new Map<string, Buffer>()
  for (const key of [...env.SECRETS_OLD_KEYS, ...(generated ? [generated] : []), current]) byId.set(key.id, key.key)
  return { current, byId }
}

let cached: { env: Config; ring: KeyRing } | undefined

/** The process's key ring, read again whenever the configuration is (tests reset it). */
export function keyRing(): KeyRing {
  const env = config()
  if (cached?.env !== env) cached = { env, ring: keyRingFrom(env) }
  return cached.ring
}
