import { withService, type Database } from '@/lib/db'
import { AppError } from '@/lib/errors'

/**
 * The app's one rate limiter: a thin wrapper over `app_private.hit_rate_limit`
 * (migration 20261203000100), which owns the counting and the policy for a client the
 * server cannot identify: a null client is allowed and not counted, because a bucket
 * shared by every unidentified caller is one that a single client empties for all. A
 * caller that wants a cap over all clients counts a shared client it names on purpose
 * (see `ALL_CLIENTS`).
 */
export type RateLimitRule = {
  /** What is limited, and for which tenant or route: `visitor:<tenant id>`, `auth`. */
  scope: string
  maxHits: number
  windowSeconds: number
}

export type RateLimitVerdict = { allowed: boolean; hits: number; retryAfterSeconds: number }

/** The client key of a bucket every client shares, for a cap over all of them. */
export const ALL_CLIENTS = '*'

/**
 * Counts one hit in its own transaction, as the server, so the hit stays counted even
 * when the request is then refused.
 */
export async function hitRateLimit(
  db: Database,
  rule: RateLimitRule,
  client: string | null,
  at: Date = new Date(),
): Promise<RateLimitVerdict> {
  const rows = await withService(db, (tx) =>
    tx.query<{ allowed: boolean; hits: number; retry_after_seconds: number }>(
      'select allowed, hits, retry_after_seconds from app_private.hit_rate_limit($1, $2, $3, make_interval(secs => $4), $5::timestamptz)',
      [rule.scope, client, rule.maxHits, rule.windowSeconds, at],
    ),
  )
  const row = rows[0]
  return {
    allowed: row?.allowed === true,
    hits: Number(row?.hits ?? 0),
    retryAfterSeconds: Number(row?.retry_after_seconds ?? rule.windowSeconds),
  }
}

/** The same hit, refused with 429 `rate_limited` (and Retry-After) beyond the limit. */
export async function enforceRateLimit(
  db: Database,
  rule: RateLimitRule,
  client: string | null,
  message: string,
  at: Date = new Date(),
): Promise<void> {
  const verdict = await hitRateLimit(db, rule, client, at)
  if (!verdict.allowed) throw new AppError('rate_limited', message, { retryAfterSeconds: verdict.retryAfterSeconds })
}
