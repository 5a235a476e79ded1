import { createHash, randomBytes } from 'node:crypto'

/*
 * Single-use recovery codes: 10 of them, 80 random bits each, shown once and stored as
 * sha-256 hashes. 80 bits make a leaked hash as hard to reverse as guessing the code,
 * so a slow hash is not needed (and a sign-in compares one hash, not ten).
 */

export const RECOVERY_CODE_COUNT = 10
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'

/** 10 bytes as 16 base32 characters in groups of four: `abcd-efgh-ijkl-mnop`. */
function newRecoveryCode(): string {
  const bytes = randomBytes(10)
  let bits = 0n
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte)
  let text = ''
  for (let index = 15; index >= 0; index--) text += ALPHABET[Number((bits >> BigInt(index * 5)) & 31n)]
  return text.match(/.{4}/g)?.join('-') ?? text
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
}

/** What a person types may have other case, spaces or no dashes; the hash is of the code itself. */
export function recoveryCodeHash(typed: string): string {
  const normalised = typed.toLowerCase().replace(/[\s-]/g, '')
  return createHash('sha256').update(normalised).digest('hex')
}
