import type { Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'

/**
 * Counts one question of a visitor (per client address and tenant, in Postgres). The hit
 * is committed even when it is refused, so a visitor who keeps asking stays refused.
 * Returns the refusal instead of throwing it, for the caller to throw after the commit.
 */
export async function hitVisitorRateLimit(tx: Queryable, tenantId: string, ip: string | null): Promise<AppError | null> {
  const rows = await tx.query<{ allowed: boolean; retry_after_seconds: number }>(
    'select allowed, retry_after_seconds from app_private.hit_visitor_rate_limit($1, $2)',
    [tenantId, ip],
  )
  const row = rows[0]
  if (row?.allowed) return null
  return new AppError('rate_limited', 'Too many questions in a short time. Please wait a few minutes, or sign in.', {
    retryAfterSeconds: Number(row?.retry_after_seconds ?? 600),
  })
}
