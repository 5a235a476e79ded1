import { AppError } from '@/lib/errors'
import { withService, type Database } from '@/lib/db'
import { assertNotLocked, clearLoginFailures, hitIpLimit, recordLoginFailure } from './abuse-limits'
import { now } from '@/lib/auth/clock'
import { hashPassword, verifyPassword } from './password'
import { startSession, type NewSession } from './session-store'

export type Credentials = { email: string; password: string }
export type RequestMeta = { ip: string | null; userAgent: string | null; previousToken: string | null }
export type LocalSignIn = { user: { id: string; email: string }; session: NewSession }

// One message for an unknown email and a wrong password: no account enumeration.
const WRONG_CREDENTIALS = 'The email or password is incorrect.'

/** Creates the account and its first session. The password policy was checked by the caller's schema. */
export async function signUpLocal(db: Database, input: Credentials, meta: RequestMeta): Promise<LocalSignIn> {
  await hitIpLimit(db, meta.ip, now())
  const hash = await hashPassword(input.password)
  return withService(db, async (tx) => {
    const rows = await tx.query<{ id: string; email: string }>(
      `insert into auth.users (email, encrypted_password, email_confirmed_at, last_sign_in_at)
       values ($1, $2, $3, $3) on conflict (email) do nothing returning id, email`,
      [input.email, hash, now()],
    )
    const user = rows[0]
    if (!user) throw new AppError('conflict', 'An account with this email already exists. Sign in instead.')
    const session = await startSession(tx, { userId: user.id, ...meta })
    return { user: { id: user.id, email: user.email }, session }
  })
}

/**
 * Password sign-in with lockout. The scrypt work happens outside any transaction, so a
 * slow hash never holds a database connection (or PGlite's single session).
 */
export async function signInLocal(db: Database, input: Credentials, meta: RequestMeta): Promise<LocalSignIn> {
  const at = now()
  await hitIpLimit(db, meta.ip, at)
  const user = await withService(db, async (tx) => {
    await assertNotLocked(tx, input.email, at)
    const rows = await tx.query<{ id: string; email: string; encrypted_password: string | null }>(
      'select id, email, encrypted_password from auth.users where email = $1',
      [input.email],
    )
    return rows[0] ?? null
  })
  // An unknown email still pays for one hash, so both failures take about as long.
  const valid = await verifyPassword(input.password, user?.encrypted_password ?? null)
  if (!user || !valid) {
    await withService(db, (tx) => recordLoginFailure(tx, input.email, at))
    throw new AppError('unauthorized', WRONG_CREDENTIALS)
  }
  return withService(db, async (tx) => {
    await clearLoginFailures(tx, input.email)
    await tx.query('update auth.users set last_sign_in_at = $2 where id = $1', [user.id, at])
    const session = await startSession(tx, { userId: user.id, ...meta })
    return { user: { id: user.id, email: user.email }, session }
  })
}

/**
 * Changes the password after checking the current one (failures count toward the
 * lockout like a failed login) and signs out every other session.
 */
export async function changePasswordLocal(
  db: Database,
  input: { userId: string; email: string; sessionId: string; currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<void> {
  const at = now()
  await hitIpLimit(db, ip, at)
  const stored = await withService(db, async (tx) => {
    await assertNotLocked(tx, input.email, at)
    const rows = await tx.query<{ encrypted_password: string | null }>(
      'select encrypted_password from auth.users where id = $1',
      [input.userId],
    )
    return rows[0]?.encrypted_password ?? null
  })
  if (!(await verifyPassword(input.currentPassword, stored))) {
    await withService(db, (tx) => recordLoginFailure(tx, input.email, at))
    throw new AppError('forbidden', 'The current password is incorrect.', {
      details: { fields: { currentPassword: 'is incorrect' } },
    })
  }
  const hash = await hashPassword(input.newPassword)
  await withService(db, async (tx) => {
    await tx.query('update auth.users set encrypted_password = $2, updated_at = $3 where id = $1', [
      input.userId,
      hash,
      at,
    ])
    await tx.query('delete from auth.local_sessions where user_id = $1 and id <> $2', [input.userId, input.sessionId])
  })
}
