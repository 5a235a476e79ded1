import type { Queryable } from '@/lib/db'

/** Whether this month's limits still let the tenant's chat take a question. */
export type ChatCapacity = {
  /** A new thread can start (a conversation and tokens are left). */
  newThreads: boolean
  /** Any question can be answered, in an existing thread too (tokens are left). */
  answers: boolean
}

/**
 * Read under the caller's own role (app_private.chat_capacity, migration 20261205020000,
 * owns the rule); null when the caller may not chat here, so nothing is said about the
 * tenant's usage.
 */
export async function readChatCapacity(tx: Queryable, tenantId: string): Promise<ChatCapacity | null> {
  const rows = await tx.query<{ new_threads: boolean; answers: boolean }>(
    'select new_threads, answers from app_private.chat_capacity($1)',
    [tenantId],
  )
  const row = rows[0]
  return row ? { newThreads: row.new_threads === true, answers: row.answers === true } : null
}
