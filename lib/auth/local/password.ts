import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * scrypt (memory-hard) with a per-user random salt. The parameters are stored in each
 * hash, so raising the cost later still verifies old hashes.
 * N = 2^17, r = 8, p = 1 is OWASP's minimum for scrypt: 128 MiB of memory per hash,
 * measured at about 0.42 s on the 2-core build machine when idle (1.1-1.7 s while a
 * parallel test run loaded it).
 */
export type ScryptCost = { N: number; r: number; p: number }

export const productionCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }

let cost: ScryptCost = productionCost

/** The suite hashes hundreds of passwords; it lowers the cost. Production never calls this. */
export function setPasswordCostForTests(next: ScryptCost | undefined): void {
  cost = next ?? productionCost
}

const KEY_LENGTH = 32
const SALT_LENGTH = 16

function derive(password: string, salt: Buffer, params: ScryptCost): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is below that.
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r + 16 * 1024 * 1024 }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** `scrypt$N$r$p$salt$hash` with base64 salt and hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

function parseHash(stored: string): { params: ScryptCost; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return null
  const params = { N: Number(n), r: Number(r), p: Number(p) }
  if (![params.N, params.r, params.p].every((value) => Number.isInteger(value) && value > 0)) return null
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') }
}

/** Constant-time comparison of the derived key; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : null
  if (!parsed) {
    await burnHashTime(password)
    return false
  }
  const candidate = await derive(password, parsed.salt, parsed.params)
  return candidate.length === parsed.key.length && timingSafeEqual(candidate, parsed.key)
}

/**
 * An unknown email costs the same scrypt work as a wrong password, so response time
 * does not tell an attacker which addresses have accounts.
 */
export async function burnHashTime(password: string): Promise<void> {
  await derive(password, Buffer.alloc(SALT_LENGTH), cost)
}
