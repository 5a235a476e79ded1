import { AppError } from '@/lib/errors'
import { getDatabase, withService, withUser } from '@/lib/db'
import { now } from '@/lib/auth/clock'
import { authMode, type Session } from '@/lib/auth/index'
import { assertCurrentPassword } from '@/lib/auth/local/accounts'
import { decryptSecret, encryptSecret, keyRing, twoFactorSecretContext } from '@/lib/secrets'
import type { TwoFactorDisable, TwoFactorSetup, TwoFactorStatus } from '@/lib/contracts/two-factor'
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes'
import { deleteFactor, enableFactor, readFactor, readOwnStatus, replaceRecoveryCodes, savePendingFactor } from './store'
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp'
import { verifySecondFactor } from './verify'

/* Setting up, turning on and off a local account's two-factor sign-in. */

function localOnly(): void {
  if (authMode() !== 'local') {
    throw new AppError('bad_request', 'Two-factor sign-in is set up with Supabase Auth (its MFA factors) in this deployment, not here.')
  }
}

const alreadyOn = () => new AppError('conflict', 'Two-factor sign-in is on already. Turn it off first to move it to a new authenticator.')

export async function twoFactorStatus(session: Session): Promise<TwoFactorStatus> {
  localOnly()
  return withUser(await getDatabase(), session.claims, (tx) => readOwnStatus(tx, session.userId))
}

/**
 * A new seed, stored encrypted and pending until a code from it turns it on; a setup
 * started earlier and never finished is replaced. 409 while two-factor sign-in is on.
 */
export async function setupTwoFactor(session: Session): Promise<TwoFactorSetup> {
  localOnly()
  const secret = newTotpSecret()
  const sealed = encryptSecret(keyRing(), secret, twoFactorSecretContext(session.userId))
  const saved = await withService(await getDatabase(), (tx) => savePendingFactor(tx, session.userId, sealed, now()))
  if (!saved) throw alreadyOn()
  return { secret, otpauthUrl: otpauthUrl(session.email, secret) }
}

/** The first code proves the authenticator holds the seed; the answer carries the recovery codes, shown this once. */
export async function enableTwoFactor(session: Session, code: string): Promise<{ recoveryCodes: string[] }> {
  localOnly()
  const db = await getDatabase()
  const at = now()
  const factor = await withService(db, (tx) => readFactor(tx, session.userId))
  if (factor?.enabled) throw alreadyOn()
  if (!factor) throw new AppError('conflict', 'Start the set-up first: it gives you the key for your authenticator app.')
  const secret = decryptSecret(keyRing(), factor.sealed, twoFactorSecretContext(session.userId))
  const step = await verifyTotp(secret, code.replace(/\s/g, ''), null, at)
  if (step === null) {
    throw new AppError(
      'bad_request',
      'That is not the current code of the key you added. Check the clock of the device, and try the newest code.',
      {
        details: { fields: { code: 'is not the current code' } },
      },
    )
  }
  const recoveryCodes = newRecoveryCodes()
  const enabled = await withService(db, async (tx) => {
    if (!(await enableFactor(tx, session.userId, factor.sealed, step, at))) return false
    await replaceRecoveryCodes(tx, session.userId, recoveryCodes.map(recoveryCodeHash), at)
    return true
  })
  // Another request turned it on, or started a new set-up, meanwhile.
  if (!enabled) throw new AppError('conflict', 'The set-up changed meanwhile. Start it again.')
  return { recoveryCodes }
}

/** Needs a current code (or an unused recovery code) or the account's password. */
export async function disableTwoFactor(session: Session, input: TwoFactorDisable, ip: string | null): Promise<void> {
  localOnly()
  const db = await getDatabase()
  if (input.code !== undefined) {
    if (!(await verifySecondFactor(db, session.userId, input.code, now()))) {
      throw new AppError('forbidden', 'That code is not right or was used already.', { details: { fields: { code: 'is not right' } } })
    }
  } else {
    await assertCurrentPassword(db, { userId: session.userId, email: session.email, password: input.password ?? '', field: 'password' }, ip)
  }
  await withService(db, (tx) => deleteFactor(tx, session.userId))
}
