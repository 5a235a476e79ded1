import { AppError } from '@/lib/errors'
import { withService, type Database, type Queryable } from '@/lib/db'

/** Failed logins per account before it is locked, and for how long. */
export const LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 }
/** Requests to the auth routes per client IP and fixed window. */
export const IP_LIMIT = { maxHits: 30, windowMs: 10 * 60_000 }

const secondsUntil = (until: Date, at: Date) => Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000))

/** 429 while the account (or unknown address: they lock the same way) is locked. */
export async function assertNotLocked(tx: Queryable, email: string, at: Date): Promise<void> {
  const rows = await tx.query<{ locked_until: Date | string }>(
    'select locked_until from auth.login_failures where email = $1 and locked_until > $2::timestamptz',
    [email, at],
  )
  const lockedUntil = rows[0]?.locked_until
  if (lockedUntil) {
    throw new AppError('locked', 'Too many failed sign-in attempts. Try again later.', {
      retryAfterSeconds: secondsUntil(new Date(lockedUntil), at),
    })
  }
}

/**
 * Counts one failure in a single upsert, so concurrent attempts on several app
 * instances cannot lose a count. A window or lock that has run out starts over at 1.
 */
export async function recordLoginFailure(tx: Queryable, email: string, at: Date): Promise<void> {
  const windowCutoff = new Date(at.getTime() - LOCKOUT.windowMs)
  const lockUntil = new Date(at.getTime() + LOCKOUT.lockMs)
  await tx.query(
    `delete from auth.login_failures
     where window_started_at <= $1::timestamptz and (locked_until is null or locked_until <= $2::timestamptz)`,
    [windowCutoff, at],
  )
  const expired = `(f.window_started_at <= $3::timestamptz or (f.locked_until is not null and f.locked_until <= $2::timestamptz))`
  await tx.query(
    `insert into auth.login_failures as f (email, failures, window_started_at, locked_until)
     values ($1, 1, $2::timestamptz, case when 1 >= $5::int then $4::timestamptz end)
     on conflict (email) do update set
       failures = case when ${expired} then 1 else f.failures + 1 end,
       window_started_at = case when ${expired} then $2::timestamptz else f.window_started_at end,
       locked_until = case
         when ${expired} then null
         when f.failures + 1 >= $5::int then $4::timestamptz
         else f.locked_until end`,
    [email, at, windowCutoff, lockUntil, LOCKOUT.maxFailures],
  )
}

export async function clearLoginFailures(tx: Queryable, email: string): Promise<void> {
  await tx.query('delete from auth.login_failures where email = $1', [email])
}

/**
 * One hit against the caller's IP in a fixed window; 429 with Retry-After beyond the
 * limit. Without a trustworthy IP (no TRUST_PROXY) there is nothing per-IP to count:
 * one shared bucket would let anyone lock every user out, so the account lockout is
 * the only limit then.
 */
export async function hitIpLimit(db: Database, ip: string | null, at: Date): Promise<void> {
  if (!ip) return
  const windowStart = new Date(Math.floor(at.getTime() / IP_LIMIT.windowMs) * IP_LIMIT.windowMs)
  const bucket = `auth:${ip}`
  const hits = await withService(db, async (tx) => {
    // Windows are aligned for every bucket, so all earlier windows are finished.
    await tx.query('delete from auth.rate_limit_hits where window_start < $1::timestamptz', [windowStart])
    const rows = await tx.query<{ hits: number }>(
      `insert into auth.rate_limit_hits as h (bucket, window_start, hits) values ($1, $2::timestamptz, 1)
       on conflict (bucket, window_start) do update set hits = h.hits + 1
       returning hits`,
      [bucket, windowStart],
    )
    return Number(rows[0]?.hits ?? 0)
  })
  if (hits > IP_LIMIT.maxHits) {
    throw new AppError('rate_limited', 'Too many requests from your network. Try again later.', {
      retryAfterSeconds: secondsUntil(new Date(windowStart.getTime() + IP_LIMIT.windowMs), at),
    })
  }
}
