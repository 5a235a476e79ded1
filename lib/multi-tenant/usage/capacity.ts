import type { Queryable } from '@/lib/db'

/** Whether this month's limits still let the tenant's chat take a question. */
export type ChatCapacity = {
  /** A new thread can start (a conversation and tokens are left). */
  newThreads: boolean
  /** Any question can be answered, in an existing thread too (tokens are left). */
  answers: boolean
  /** The caller's own tier allowance this month that is used up, if any. */
  memberQuota: 'messages' | 'tokens' | null
}

/**
 * Read under the caller's own role (app_private.chat_capacity, migrations 20261205020000
 * and 20261206060000, owns the rule); null when the caller may not chat here, so nothing is said about the
 * tenant's usage.
 */
export async function readChatCapacity(tx: Queryable, tenantId: string): Promise<ChatCapacity | null> {
  const rows = await tx.query<{ new_threads: boolean; answers: boolean; member_quota: 'messages' | 'tokens' | null }>(
    'select new_threads, answers, member_quota from app_private.chat_capacity($1)',
    [tenantId],
  )
  const row = rows[0]
  return row ? { newThreads: row.new_threads === true, answers: row.answers === true, memberQuota: row.member_quota ?? null } : null
}
