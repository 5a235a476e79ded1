import { withService, type Database } from '@/lib/db'
import { enforceRateLimit } from '@/lib/rate-limit'
import { decryptSecret, keyRing, twoFactorSecretContext } from '@/lib/secrets'
import { recoveryCodeHash } from './recovery-codes'
import { acceptStep, readFactor, useRecoveryCode } from './store'
import { TOTP_CODE, verifyTotp } from './totp'

/**
 * Code checks per account in 15 minutes, right or wrong, from any address: with a known
 * password, guessing one of the three codes valid at a time would take centuries.
 */
export const CODE_ATTEMPTS = { maxHits: 10, windowSeconds: 15 * 60 }

/**
 * Whether `code` is the account's current TOTP code (not used before) or one of its
 * unused recovery codes; either is spent by being accepted. False when two-factor
 * sign-in is off.
 */
export async function verifySecondFactor(db: Database, userId: string, code: string, at: Date): Promise<boolean> {
  await enforceRateLimit(
    db,
    { scope: 'two-factor', ...CODE_ATTEMPTS },
    userId,
    'Too many codes tried for this account. Try again later.',
    at,
  )
  const typed = code.replace(/\s/g, '')
  const factor = await withService(db, (tx) => readFactor(tx, userId))
  if (!factor?.enabled) return false
  if (!TOTP_CODE.test(typed)) return withService(db, (tx) => useRecoveryCode(tx, userId, recoveryCodeHash(typed), at))
  const secret = decryptSecret(keyRing(), factor.sealed, twoFactorSecretContext(userId))
  const step = await verifyTotp(secret, typed, factor.lastUsedStep, at)
  return step !== null && withService(db, (tx) => acceptStep(tx, userId, step, at))
}
