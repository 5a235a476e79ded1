/*
 * How an encryption key is written in the environment and in the generated key file:
 * `<key id>:<32 bytes in base64>`. The id travels in every ciphertext, so the key that
 * sealed a secret is found again after the current key has changed.
 */

export type SecretKey = { id: string; key: Buffer }

export const KEY_BYTES = 32
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/

/** The key a spec names, or why it is not one (no secret material in the message). */
export function parseKeySpec(spec: string): SecretKey | string {
  const colon = spec.indexOf(':')
  if (colon < 0) return 'must be <key id>:<32 bytes in base64>, e.g. 2026-12:<openssl rand -base64 32>'
  const id = spec.slice(0, colon).trim()
  const material = spec.slice(colon + 1).trim()
  if (!KEY_ID.test(id)) return 'has a key id that is not 1-32 letters, digits, "-" or "_"'
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(material)) return 'has a key that is not base64'
  const key = Buffer.from(material, 'base64')
  if (key.length !== KEY_BYTES) return `has a key of ${key.length} bytes; it must be ${KEY_BYTES} (openssl rand -base64 32)`
  return { id, key }
}

export function formatKeySpec(secretKey: SecretKey): string {
  return `${secretKey.id}:${secretKey.key.toString('base64')}`
}
