import { asServer, type Queryable } from '@/lib/db'
import type { Element } from '@/lib/engine/elements'
import { AppError } from '@/lib/errors'

/*
 * The oracle's side of the usage counters. Every change is one call of a security definer
 * function (migrations 20261123004001, 20261203000000) that reads the tenant's own limit
 * and changes the counter in a single conditional update, so concurrent requests cannot
 * overshoot a limit. The functions answer the server only: they run through asServer,
 * after the caller's right to ask was checked under the caller's own role. Given a member,
 * the same calls also count the member's month against their tier (20261206020000).
 */

/** First day of the month after `now`, UTC: when monthly limits start over. */
export function nextPeriodStart(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))
}

export function secondsToNextPeriod(now = new Date()): number {
  return Math.max(1, Math.ceil((nextPeriodStart(now).getTime() - now.getTime()) / 1000))
}

export type MemberQuotaReason = 'messages' | 'tokens'

function memberLimitReached(reason: MemberQuotaReason): AppError {
  return new AppError(
    'member_limit_reached',
    `You have used this month's ${reason} of your plan in this organisation. It resets at the start of next month.`,
    { details: { reason }, retryAfterSeconds: secondsToNextPeriod() },
  )
}

function limitReached(what: string): AppError {
  return new AppError('limit_reached', `This organisation has reached its monthly ${what} limit. It resets at the start of next month.`, {
    retryAfterSeconds: secondsToNextPeriod(),
  })
}

/** Counts the start of a new thread; 429 limit_reached when the month's conversations are used up. */
export async function consumeConversation(tx: Queryable, tenantId: string): Promise<{ period: string }> {
  const rows = await asServer(tx, (server) =>
    server.query<{ accepted: boolean; period: string }>(
      'select accepted, usage_period::text as period from app_private.consume_conversation($1)',
      [tenantId],
    ),
  )
  const row = rows[0]
  if (!row?.accepted) throw limitReached('conversation')
  return { period: row.period }
}

/**
 * Sets aside the tokens an answer may use, and for a member one question and the same
 * tokens of their tier; 429 limit_reached past the tenant's month, 429
 * member_limit_reached (with the reason) past the member's.
 */
export async function reserveTokens(
  tx: Queryable,
  tenantId: string,
  estimate: number,
  memberId: string | null = null,
): Promise<{ period: string }> {
  const rows = await asServer(tx, (server) =>
    memberId
      ? server.query<{ accepted: boolean; period: string; reason: MemberQuotaReason | 'tenant_tokens' | null }>(
          'select accepted, usage_period::text as period, reason from app_private.reserve_tokens($1, $2, $3)',
          [tenantId, Math.ceil(estimate), memberId],
        )
      : server.query<{ accepted: boolean; period: string; reason: null }>(
          'select accepted, usage_period::text as period, null as reason from app_private.reserve_tokens($1, $2)',
          [tenantId, Math.ceil(estimate)],
        ),
  )
  const row = rows[0]
  if (row?.reason === 'messages' || row?.reason === 'tokens') throw memberLimitReached(row.reason)
  if (!row?.accepted) throw limitReached('token')
  return { period: row.period }
}

/** A member's question with no model to reserve tokens for (offline): one question of their tier. */
export async function reserveMemberQuestion(tx: Queryable, tenantId: string, memberId: string): Promise<{ period: string }> {
  const rows = await asServer(tx, (server) =>
    server.query<{ accepted: boolean; period: string; reason: MemberQuotaReason }>(
      'select accepted, usage_period::text as period, reason from app_private.reserve_member_exchange($1, $2, 0)',
      [tenantId, memberId],
    ),
  )
  const row = rows[0]
  if (!row?.accepted) throw memberLimitReached(row?.reason ?? 'messages')
  return { period: row.period }
}

export type ExchangeRecord = {
  tenantId: string
  /** The period the reservation was made in (a month may end mid-answer); null = the current one. */
  period: string | null
  reserved: number
  tokensIn: number
  tokensOut: number
  messages: number
  newConversation: boolean
  element: Element | null
  /** The member whose question was reserved in their tier; null = none (visitors, previews). */
  memberId?: string | null
}

export async function recordExchange(tx: Queryable, record: ExchangeRecord): Promise<void> {
  await asServer(tx, (server) =>
    server.query('select app_private.record_exchange($1, $2::date, $3, $4, $5, $6, $7, $8, $9)', [
      record.tenantId,
      record.period,
      record.reserved,
      record.tokensIn,
      record.tokensOut,
      record.messages,
      record.newConversation,
      record.element,
      record.memberId ?? null,
    ]),
  )
}

export type ExchangeRelease = {
  tenantId: string
  period: string | null
  reserved: number
  /** Tokens the model spent before the failure: still counted. */
  tokensIn: number
  tokensOut: number
  /** The failed exchange would have started a thread: give its unit back. */
  returnConversation: boolean
  /** The member whose question was reserved in their tier (given back); null = none. */
  memberId?: string | null
}

export async function releaseExchange(tx: Queryable, release: ExchangeRelease): Promise<void> {
  await asServer(tx, (server) =>
    server.query('select app_private.release_exchange($1, $2::date, $3, $4, $5, $6, $7)', [
      release.tenantId,
      release.period,
      release.reserved,
      release.tokensIn,
      release.tokensOut,
      release.returnConversation,
      release.memberId ?? null,
    ]),
  )
}
