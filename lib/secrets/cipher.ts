import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { KeyRing } from './key-ring'

/*
 * AES-256-GCM with a fresh 96-bit IV per secret. A ciphertext reads
 * `v1:<key id>:<iv>:<ciphertext and tag>` (base64url), so the key that sealed it is
 * found after a rotation. `context` (say, the owning row's id) is authenticated with it:
 * a ciphertext copied into another row does not open there.
 */

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

export class SecretDecryptionError extends Error {
  constructor(reason: string) {
    super(`A stored secret could not be decrypted: ${reason}.`)
    this.name = 'SecretDecryptionError'
  }
}

const additionalData = (keyId: string, context: string) => Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8')

export function encryptSecret(ring: KeyRing, plaintext: string, context: string): string {
  const { id, key } = ring.current
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(additionalData(id, context))
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return [VERSION, id, iv.toString('base64url'), sealed.toString('base64url')].join(':')
}

/** The id of the key that sealed `ciphertext`, or null when it is not one of ours. */
export function sealingKeyId(ciphertext: string): string | null {
  const [version, keyId] = ciphertext.split(':')
  return version === VERSION && keyId ? keyId : null
}

/** Throws SecretDecryptionError for an unknown key, another context or any tampering. */
export function decryptSecret(ring: KeyRing, ciphertext: string, context: string): string {
  const [version, keyId = '', ivText = '', sealedText = '', extra] = ciphertext.split(':')
  if (version !== VERSION || extra !== undefined) throw new SecretDecryptionError('it is not in the v1 format')
  const key = ring.byId.get(keyId)
  if (!key) throw new SecretDecryptionError(`key "${keyId}" is not configured (SECRETS_KEY or SECRETS_OLD_KEYS)`)
  const iv = Buffer.from(ivText, 'base64url')
  const sealed = Buffer.from(sealedText, 'base64url')
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw new SecretDecryptionError('it is truncated')
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  decipher.setAAD(additionalData(keyId, context))
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8')
  } catch {
    throw new SecretDecryptionError('it was altered, or belongs to another row')
  }
}
