import { AppError } from '@/lib/errors'
import type { Database, Queryable } from '@/lib/db'
import { enforceRateLimit } from '@/lib/rate-limit'

/**
 * Failed logins per (account, source) before that pair is locked, and for how long.
 * Without a trusted client IP every request is source `unknown`: a hard lock there
 * would let anyone lock the owner out, so a locked unknown-source attempt is slowed
 * down (`unknownSourceDelayMs`, one at a time per address) and a correct password
 * still gets in.
 */
export const LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000, unknownSourceDelayMs: 3_000 }
/** Requests to the auth routes per client IP and fixed window. */
export const IP_LIMIT = { maxHits: 30, windowMs: 10 * 60_000 }

export const UNKNOWN_SOURCE = 'unknown'

const secondsUntil = (until: Date, at: Date) => Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000))

export function lockedError(retryAfterSeconds: number): AppError {
  return new AppError('locked', 'Too many failed sign-in attempts. Try again later.', { retryAfterSeconds })
}

/** Seconds until the (address, source) pair is unlocked, or null when it is not locked. */
export async function lockedFor(tx: Queryable, email: string, source: string, at: Date): Promise<number | null> {
  const rows = await tx.query<{ locked_until: Date | string }>(
    'select locked_until from auth.login_failures where email = $1 and source = $2 and locked_until > $3::timestamptz',
    [email, source, at],
  )
  const lockedUntil = rows[0]?.locked_until
  return lockedUntil ? secondsUntil(new Date(lockedUntil), at) : null
}

/**
 * Counts one failure in a single upsert, so concurrent attempts on several app
 * instances cannot lose a count. A window or lock that has run out starts over at 1.
 */
export async function recordLoginFailure(tx: Queryable, email: string, source: string, at: Date): Promise<void> {
  const windowCutoff = new Date(at.getTime() - LOCKOUT.windowMs)
  const lockUntil = new Date(at.getTime() + LOCKOUT.lockMs)
  await tx.query(
    `delete from auth.login_failures
     where window_started_at <= $1::timestamptz and (locked_until is null or locked_until <= $2::timestamptz)`,
    [windowCutoff, at],
  )
  const expired = `(f.window_started_at <= $3::timestamptz or (f.locked_until is not null and f.locked_until <= $2::timestamptz))`
  await tx.query(
    `insert into auth.login_failures as f (email, source, failures, window_started_at, locked_until)
     values ($1, $6, 1, $2::timestamptz, case when 1 >= $5::int then $4::timestamptz end)
     on conflict (email, source) do update set
       failures = case when ${expired} then 1 else f.failures + 1 end,
       window_started_at = case when ${expired} then $2::timestamptz else f.window_started_at end,
       locked_until = case
         when ${expired} then null
         when f.failures + 1 >= $5::int then $4::timestamptz
         else f.locked_until end`,
    [email, at, windowCutoff, lockUntil, LOCKOUT.maxFailures, source],
  )
}

export async function clearLoginFailures(tx: Queryable, email: string, source: string): Promise<void> {
  await tx.query('delete from auth.login_failures where email = $1 and source = $2', [email, source])
}

/**
 * One hit against the caller's IP in a fixed window; 429 with Retry-After beyond the
 * limit. Without a trustworthy IP (no trusted proxy: TRUST_PROXY, TRUSTED_PROXY_HOPS or TRUSTED_PROXIES) the limiter counts nothing (its
 * policy for an unknown client), and the account lockout is the limit then.
 */
export async function hitIpLimit(db: Database, ip: string | null, at: Date): Promise<void> {
  const rule = { scope: 'auth', maxHits: IP_LIMIT.maxHits, windowSeconds: IP_LIMIT.windowMs / 1000 }
  await enforceRateLimit(db, rule, ip, 'Too many requests from your network. Try again later.', at)
}
