import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ConfigError, parseEnv } from '@/lib/env'
import { isAppError } from '@/lib/errors'
import { decryptSecret, encryptSecret, generatedKeyFile, keyRingFrom, sealingKeyId, SecretDecryptionError } from '@/lib/secrets'

const spec = (id: string, bytes = 32) => `${id}:${randomBytes(bytes).toString('base64')}`
const ringOf = (env: Record<string, string>) => keyRingFrom(parseEnv({ DATABASE_URL: 'postgres://u:p@127.0.0.1/db', ...env }))

const scratch = mkdtempSync(path.join(tmpdir(), 'oracle-secrets-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('sealing a secret (AES-256-GCM)', () => {
  const ring = ringOf({ SECRETS_KEY: spec('k1') })

  it('opens what it sealed, with a fresh IV every time and the key id in the clear', () => {
    const first = encryptSecret(ring, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'row:1')
    const second = encryptSecret(ring, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'row:1')
    expect(first).not.toBe(second)
    expect(first).toMatch(/^v1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/)
    expect(first).not.toContain('JBSWY3DP')
    expect(sealingKeyId(first)).toBe('k1')
    expect(decryptSecret(ring, first, 'row:1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
  })

  it('refuses a ciphertext moved to another row (its context)', () => {
    const sealed = encryptSecret(ring, 'seed', 'user_two_factor:a')
    expect(() => decryptSecret(ring, sealed, 'user_two_factor:b')).toThrowError(SecretDecryptionError)
  })

  it('refuses any altered byte, a truncated text and a foreign format', () => {
    const sealed = encryptSecret(ring, 'seed', 'row')
    const parts = sealed.split(':')
    const body = Buffer.from(parts[3] ?? '', 'base64url')
    body[0] = (body[0] ?? 0) ^ 1
    expect(() => decryptSecret(ring, [...parts.slice(0, 3), body.toString('base64url')].join(':'), 'row')).toThrowError(/altered/)
    expect(() => decryptSecret(ring, sealed.slice(0, 20), 'row')).toThrowError(SecretDecryptionError)
    expect(() => decryptSecret(ring, 'plain text', 'row')).toThrowError(/v1 format/)
  })

  it('opens with an old key after a rotation, seals with the new one, and names a key it does not have', () => {
    const old = spec('2026-11')
    const sealedBefore = encryptSecret(ringOf({ SECRETS_KEY: old }), 'seed', 'row')
    const rotated = ringOf({ SECRETS_KEY: spec('2026-12'), SECRETS_OLD_KEYS: old })
    expect(decryptSecret(rotated, sealedBefore, 'row')).toBe('seed')
    expect(sealingKeyId(encryptSecret(rotated, 'seed', 'row'))).toBe('2026-12')
    expect(() => decryptSecret(ringOf({ SECRETS_KEY: spec('2026-12') }), sealedBefore, 'row')).toThrowError(/key "2026-11"/)
  })
})

describe('the key configuration', () => {
  it('refuses a malformed key, a key of the wrong length and a repeated id, without echoing the key', () => {
    const short = spec('k1', 16)
    for (const [value, message] of [
      ['no-colon-here', /<key id>:<32 bytes in base64>/],
      [short, /16 bytes; it must be 32/],
      [`bad id!:${randomBytes(32).toString('base64')}`, /key id/],
      [`${spec('a')},${spec('b')}`, /SECRETS_OLD_KEYS/],
    ] as const) {
      try {
        parseEnv({ SECRETS_KEY: value })
        expect.unreachable(`${value} was accepted`)
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError)
        expect((error as Error).message).toMatch(message)
        const material = value.split(':')[1]?.split(',')[0] ?? value
        expect((error as Error).message).not.toContain(material)
      }
    }
    const repeated = spec('same')
    expect(() => parseEnv({ SECRETS_KEY: repeated, SECRETS_OLD_KEYS: spec('same') })).toThrowError(/repeat a key id/)
  })

  it('asks a server database for a configured key: 503 naming SECRETS_KEY', () => {
    try {
      ringOf({})
      expect.unreachable('a key ring without a key')
    } catch (error) {
      expect(isAppError(error) && error.status).toBe(503)
      expect((error as Error).message).toMatch(/SECRETS_KEY/)
    }
  })

  it('generates the embedded database a key once, readable by its owner only, beside the data directory', () => {
    const dataDir = path.join(scratch, 'fresh', 'pglite')
    const first = keyRingFrom(parseEnv({ PGLITE_DATA_DIR: dataDir }))
    const file = generatedKeyFile(dataDir)
    expect(path.dirname(file)).toBe(path.dirname(path.resolve(dataDir)))
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toMatch(/^generated-[0-9a-f]{8}:/)
    const again = keyRingFrom(parseEnv({ PGLITE_DATA_DIR: dataDir }))
    expect(again.current.id).toBe(first.current.id)
    expect(again.current.key.equals(first.current.key)).toBe(true)
  })

  it('keeps opening with the generated key once SECRETS_KEY is set in embedded mode, and seals with SECRETS_KEY', () => {
    const dataDir = path.join(scratch, 'moving', 'pglite')
    const generated = keyRingFrom(parseEnv({ PGLITE_DATA_DIR: dataDir }))
    const sealed = encryptSecret(generated, 'seed', 'row')
    const configured = keyRingFrom(parseEnv({ PGLITE_DATA_DIR: dataDir, SECRETS_KEY: spec('configured') }))
    expect(configured.current.id).toBe('configured')
    expect(decryptSecret(configured, sealed, 'row')).toBe('seed')
  })

  it('generates no key file when SECRETS_KEY is set on a fresh embedded machine', () => {
    const dataDir = path.join(scratch, 'configured', 'pglite')
    keyRingFrom(parseEnv({ PGLITE_DATA_DIR: dataDir, SECRETS_KEY: spec('configured') }))
    expect(() => statSync(generatedKeyFile(dataDir))).toThrowError(/ENOENT/)
  })
})
