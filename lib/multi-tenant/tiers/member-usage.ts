import { asServer, type Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { secondsToNextPeriod } from '@/lib/multi-tenant/usage'

/*
 * A member's side of the usage counters, beside the tenant's (usage/usage.ts): one call of
 * a security definer function each (migration 20261206020000), run as the server inside
 * the exchange's own transactions, so a refused or failed exchange leaves nothing behind.
 */

export type MemberQuotaReason = 'messages' | 'tokens'

function memberLimitReached(reason: MemberQuotaReason): AppError {
  const what = reason === 'messages' ? 'messages' : 'tokens'
  return new AppError(
    'member_limit_reached',
    `You have used this month's ${what} of your plan in this organisation. It resets at the start of next month.`,
    {
      details: { reason },
      retryAfterSeconds: secondsToNextPeriod(),
    },
  )
}

/** Sets aside one question and its tokens for the member; 429 member_limit_reached past their tier. */
export async function reserveMemberExchange(
  tx: Queryable,
  tenantId: string,
  userId: string,
  estimate: number,
): Promise<{ period: string }> {
  const rows = await asServer(tx, (server) =>
    server.query<{ accepted: boolean; reason: MemberQuotaReason | null; period: string }>(
      'select accepted, reason, usage_period::text as period from app_private.reserve_member_exchange($1, $2, $3)',
      [tenantId, userId, Math.ceil(estimate)],
    ),
  )
  const row = rows[0]
  if (!row?.accepted) throw memberLimitReached(row?.reason ?? 'messages')
  return { period: row.period }
}

export type MemberSettlement = {
  tenantId: string
  userId: string
  /** The month the reservation was made in. */
  period: string
  reserved: number
  tokensIn: number
  tokensOut: number
}

export async function recordMemberExchange(tx: Queryable, settlement: MemberSettlement): Promise<void> {
  await settle(tx, 'record_member_exchange', settlement)
}

/** The question is given back; tokens the model spent before the failure still count. */
export async function releaseMemberExchange(tx: Queryable, settlement: MemberSettlement): Promise<void> {
  await settle(tx, 'release_member_exchange', settlement)
}

async function settle(tx: Queryable, fn: 'record_member_exchange' | 'release_member_exchange', s: MemberSettlement): Promise<void> {
  await asServer(tx, (server) =>
    server.query(`select app_private.${fn}($1, $2, $3::date, $4, $5, $6)`, [
      s.tenantId,
      s.userId,
      s.period,
      s.reserved,
      s.tokensIn,
      s.tokensOut,
    ]),
  )
}
