import { generateSecret, generateURI, verify } from 'otplib'

/*
 * TOTP (RFC 6238) as every authenticator app reads it: SHA-1, 6 digits, 30-second
 * steps, a 160-bit seed. A code is accepted one step early or late (clock drift) and
 * only for a step later than the last one accepted, so it cannot be replayed.
 */

const ISSUER = 'Elemental Oracle'
const DRIFT_SECONDS = 30

export const TOTP_CODE = /^\d{6}$/

export function newTotpSecret(): string {
  return generateSecret()
}

export function otpauthUrl(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret })
}

/** The time step of `code` when it is right at `at` and later than `afterStep`; otherwise null. */
export async function verifyTotp(secret: string, code: string, afterStep: number | null, at: Date): Promise<number | null> {
  if (!TOTP_CODE.test(code)) return null
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(at.getTime() / 1000),
      epochTolerance: DRIFT_SECONDS,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    })
    return result.valid && 'timeStep' in result ? result.timeStep : null
  } catch {
    // otplib throws when the last accepted step lies ahead of the clock (it went back): not accepted.
    return null
  }
}
