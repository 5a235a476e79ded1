import { createHash, randomBytes } from 'node:crypto'

/*
 * A key's secret: `oak_` and 32 random bytes in base64url. 256 bits cannot be guessed,
 * so its SHA-256 is a safe thing to store and to look it up by (no salt, no slow KDF:
 * those protect passwords people choose). The prefix listed is the first 12 characters.
 */

const SECRET_PATTERN = /^oak_[A-Za-z0-9_-]{43}$/
const PREFIX_LENGTH = 12

export type NewSecret = { secret: string; prefix: string; hash: string }

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

export function newSecret(): NewSecret {
  const secret = `oak_${randomBytes(32).toString('base64url')}`
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), hash: hashSecret(secret) }
}

/** The secret of an `Authorization: Bearer <secret>` header, or null when there is none of the right shape. */
export function bearerSecret(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')
  const secret = match?.[1] ?? null
  return secret && SECRET_PATTERN.test(secret) ? secret : null
}
