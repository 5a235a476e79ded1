import type { Credentials, SignInInput } from '@/lib/auth/auth-result'
import { setTimeout as sleep } from 'node:timers/promises'
import { AppError } from '@/lib/errors'
import { withService, type Database } from '@/lib/db'
import { sendMail } from '@/lib/mail/send'
import { accountExistsMail, verificationMail } from '@/lib/mail/messages'
import { clearLoginFailures, hitIpLimit, lockedError, lockedFor, LOCKOUT, recordLoginFailure, UNKNOWN_SOURCE } from './abuse-limits'
import { now } from '@/lib/auth/clock'
import { issueVerification, recentlyIssued } from './email-verification'
import { gatedHash } from './hash-gate'
import { burnHashTime, hashPassword, verifyPassword } from './password'
import { verifySecondFactor } from '@/lib/auth/two-factor/verify'
import { startSession, type NewSession } from './session-store'

export type RequestMeta = {
  ip: string | null
  userAgent: string | null
  previousToken: string | null
  /** The site (host name) the request was sent to; the session is valid there only. */
  site: string
  /** Where links in mail point (see publicOrigin). */
  origin: string
}
export type LocalSignIn = { user: { id: string; email: string }; session: NewSession }

// One message for an unknown email and a wrong password: no account enumeration.
const WRONG_CREDENTIALS = 'The email or password is incorrect.'
const RESEND_INTERVAL_MS = 60_000

/**
 * Sign-up never says whether the address has an account: a new or still unverified
 * address gets a verification link, a verified one a note to its owner. Either way
 * one hash and one mail, and the caller answers "check your mail".
 */
export async function signUpLocal(db: Database, input: Credentials & { returnTo: string | null }, meta: RequestMeta): Promise<void> {
  await hitIpLimit(db, meta.ip, now())
  const hash = await gatedHash(meta.ip, () => hashPassword(input.password))
  const mail = await withService(db, async (tx) => {
    const created = await tx.query<{ id: string }>(
      'insert into auth.users (email, encrypted_password) values ($1, $2) on conflict (email) do nothing returning id',
      [input.email, hash],
    )
    const existing = created[0]
      ? []
      : await tx.query<{ id: string; verified: boolean }>(
          'select id, email_confirmed_at is not null as verified from auth.users where email = $1',
          [input.email],
        )
    const user = created[0] ? { id: created[0].id, verified: false } : existing[0]
    if (!user) throw new AppError('conflict', 'The sign-up could not be completed. Try again.')
    if (user.verified) return accountExistsMail(input.email, meta.origin)
    const token = await issueVerification(tx, { userId: user.id, passwordHash: hash, returnTo: input.returnTo })
    return verificationMail(input.email, meta.origin, token)
  })
  await sendMail(mail)
}

/** A new verification link for an unverified account; silent (and throttled) otherwise. */
export async function resendVerificationLocal(db: Database, email: string, meta: RequestMeta): Promise<void> {
  await hitIpLimit(db, meta.ip, now())
  const token = await withService(db, async (tx) => {
    const rows = await tx.query<{ id: string }>('select id from auth.users where email = $1 and email_confirmed_at is null', [email])
    const user = rows[0]
    if (!user || (await recentlyIssued(tx, user.id, RESEND_INTERVAL_MS))) return null
    return issueVerification(tx, { userId: user.id, passwordHash: null, returnTo: null })
  })
  if (token) await sendMail(verificationMail(email, meta.origin, token))
}

// While a locked unknown-source attempt waits, others for the same address are refused.
const slowedAddresses = new Set<string>()

/**
 * Password sign-in. The scrypt work runs outside any transaction (a slow hash never
 * holds a connection, or PGlite's single session) and through the hash gate. Failures
 * count per (address, source): a locked pair with a known source is refused; without
 * one, the attempt is slowed down and a correct password still signs in.
 */
export async function signInLocal(db: Database, input: SignInInput, meta: RequestMeta): Promise<LocalSignIn> {
  const at = now()
  const source = meta.ip ?? UNKNOWN_SOURCE
  await hitIpLimit(db, meta.ip, at)
  const { user, locked } = await withService(db, async (tx) => {
    const rows = await tx.query<{ id: string; email: string; encrypted_password: string | null; verified: boolean; two_factor: boolean }>(
      `select u.id, u.email, u.encrypted_password, u.email_confirmed_at is not null as verified,
         exists (select 1 from public.user_two_factor f where f.user_id = u.id and f.enabled_at is not null) as two_factor
       from auth.users u where u.email = $1`,
      [input.email],
    )
    return { user: rows[0] ?? null, locked: await lockedFor(tx, input.email, source, at) }
  })
  if (locked !== null && meta.ip) throw lockedError(locked)
  if (locked !== null) {
    if (slowedAddresses.has(input.email)) throw lockedError(Math.ceil(LOCKOUT.unknownSourceDelayMs / 1000))
    slowedAddresses.add(input.email)
  }
  let valid: boolean
  try {
    if (locked !== null) await sleep(LOCKOUT.unknownSourceDelayMs)
    // An unknown email still pays for one hash, so both failures take about as long.
    valid = await gatedHash(meta.ip, () =>
      user ? verifyPassword(input.password, user.encrypted_password) : burnHashTime(input.password).then(() => false),
    )
  } finally {
    if (locked !== null) slowedAddresses.delete(input.email)
  }
  if (!user || !valid) {
    await withService(db, (tx) => recordLoginFailure(tx, input.email, source, at))
    if (locked !== null) throw lockedError(locked)
    throw new AppError('unauthorized', WRONG_CREDENTIALS)
  }
  // Said only after the right password, so it reveals nothing to someone guessing.
  if (!user.verified) {
    throw new AppError('email_unverified', 'Verify your email address first: open the link we mailed you, or ask for a new one.')
  }
  // Also said only after the right password. A wrong code counts toward the lockout like a wrong password.
  if (user.two_factor) {
    if (!input.code) throw new AppError('two_factor_required', 'Enter the 6-digit code from your authenticator app, or a recovery code.')
    if (!(await verifySecondFactor(db, user.id, input.code, at))) {
      await withService(db, (tx) => recordLoginFailure(tx, input.email, source, at))
      throw new AppError(
        'two_factor_required',
        'That code is not right or was used already. Enter the current code, or an unused recovery code.',
        {
          details: { fields: { code: 'is not right' } },
        },
      )
    }
  }
  return withService(db, async (tx) => {
    await clearLoginFailures(tx, input.email, source)
    await tx.query('update auth.users set last_sign_in_at = $2 where id = $1', [user.id, at])
    const session = await startSession(tx, { userId: user.id, ...meta })
    return { user: { id: user.id, email: user.email }, session }
  })
}

/**
 * Checks a signed-in person's current password (before a change that needs it, like a
 * new password or turning two-factor sign-in off). Failures count toward the lockout
 * like a failed login; 403 naming `field` when it is wrong.
 */
export async function assertCurrentPassword(
  db: Database,
  input: { userId: string; email: string; password: string; field: string },
  ip: string | null,
): Promise<void> {
  const at = now()
  const source = ip ?? UNKNOWN_SOURCE
  await hitIpLimit(db, ip, at)
  const { stored, locked } = await withService(db, async (tx) => {
    const rows = await tx.query<{ encrypted_password: string | null }>('select encrypted_password from auth.users where id = $1', [
      input.userId,
    ])
    return { stored: rows[0]?.encrypted_password ?? null, locked: await lockedFor(tx, input.email, source, at) }
  })
  // The caller is signed in already: a lock here only slows down guessing the current password.
  if (locked !== null) throw lockedError(locked)
  if (!(await gatedHash(ip, () => verifyPassword(input.password, stored)))) {
    await withService(db, (tx) => recordLoginFailure(tx, input.email, source, at))
    throw new AppError('forbidden', 'The current password is incorrect.', {
      details: { fields: { [input.field]: 'is incorrect' } },
    })
  }
}

/** Changes the password after checking the current one and signs out every other session. */
export async function changePasswordLocal(
  db: Database,
  input: { userId: string; email: string; sessionId: string; currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<void> {
  await assertCurrentPassword(
    db,
    { userId: input.userId, email: input.email, password: input.currentPassword, field: 'currentPassword' },
    ip,
  )
  const hash = await gatedHash(ip, () => hashPassword(input.newPassword))
  await withService(db, async (tx) => {
    await tx.query('update auth.users set encrypted_password = $2, updated_at = $3 where id = $1', [input.userId, hash, now()])
    await tx.query('delete from auth.local_sessions where user_id = $1 and id <> $2', [input.userId, input.sessionId])
  })
}
