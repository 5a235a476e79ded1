import { createHash, randomBytes } from 'node:crypto'
import { AppError } from '@/lib/errors'
import { withService, type Database, type Queryable } from '@/lib/db'
import { now } from '@/lib/auth/clock'

/** How long a verification link works. */
export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * A new verification link for an unverified account. `passwordHash` is the password
 * chosen at the sign-up that asked for this link: an address someone else registered
 * first (and never verified) gets the password of the sign-up whose link the mailbox
 * owner opens, not the squatter's.
 */
export async function issueVerification(
  tx: Queryable,
  input: { userId: string; passwordHash: string | null; returnTo: string | null },
): Promise<string> {
  const at = now()
  const token = randomBytes(32).toString('base64url')
  await tx.query('delete from auth.email_verifications where user_id = $1 and expires_at <= $2', [input.userId, at])
  await tx.query(
    `insert into auth.email_verifications (token_hash, user_id, password_hash, return_to, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [tokenHash(token), input.userId, input.passwordHash, input.returnTo, at, new Date(at.getTime() + VERIFICATION_TTL_MS)],
  )
  return token
}

/** Whether a link went out to this account within the last `ms` (resend is throttled per account). */
export async function recentlyIssued(tx: Queryable, userId: string, ms: number): Promise<boolean> {
  const rows = await tx.query('select 1 from auth.email_verifications where user_id = $1 and created_at > $2', [
    userId,
    new Date(now().getTime() - ms),
  ])
  return rows.length > 0
}

/**
 * Opening the link proves the mailbox: the account is verified (with the password of
 * that sign-up) and every other pending link of the account stops working. 404 for an
 * unknown, used or expired token.
 */
export async function confirmEmail(db: Database, token: string): Promise<{ email: string; returnTo: string | null }> {
  const at = now()
  return withService(db, async (tx) => {
    const rows = await tx.query<{ user_id: string; password_hash: string | null; return_to: string | null }>(
      `delete from auth.email_verifications where token_hash = $1 and expires_at > $2
       returning user_id, password_hash, return_to`,
      [tokenHash(token), at],
    )
    const row = rows[0]
    if (!row) throw new AppError('not_found', 'This link is not valid any more. Ask for a new one from the sign-in page.')
    const users = await tx.query<{ email: string }>(
      `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, $2),
         encrypted_password = coalesce($3, encrypted_password), updated_at = $2
       where id = $1 returning email`,
      [row.user_id, at, row.password_hash],
    )
    await tx.query('delete from auth.email_verifications where user_id = $1', [row.user_id])
    return { email: String(users[0]?.email), returnTo: row.return_to }
  })
}
