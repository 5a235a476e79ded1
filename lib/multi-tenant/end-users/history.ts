import type { Queryable } from '@/lib/db'
import type { ChatTurn } from '@/lib/engine'
import type { KnowledgeSource } from '@/lib/contracts/oracle'

/*
 * An end user's history inside the tenant, apart from members' conversations, read and
 * written under the end user's own session (the policies of migration 20261204040000
 * hold every row to the session's tenant and end user).
 */

/** How many earlier messages the model sees with an end user's question, as with members' threads. */
const HISTORY_MESSAGES = 10

export type EndUserMessage = { id: string; role: 'user' | 'assistant'; content: string; sources: KnowledgeSource[]; createdAt: string }

type MessageRow = { id: string; role: 'user' | 'assistant'; content: string; sources: KnowledgeSource[]; created_at: Date | string }

/** The end user's latest messages, oldest first. */
export async function listEndUserMessages(tx: Queryable, tenantId: string, endUserId: string, limit: number): Promise<EndUserMessage[]> {
  const rows = await tx.query<MessageRow>(
    `select id, role, content, sources, created_at from (
       select * from public.tenant_end_user_messages where tenant_id = $1 and end_user_id = $2
        order by created_at desc, role desc limit $3) latest
      order by created_at, role desc`,
    [tenantId, endUserId, limit],
  )
  return rows.map((row) => ({
    id: String(row.id),
    role: row.role,
    content: row.content,
    sources: row.sources,
    createdAt: new Date(row.created_at).toISOString(),
  }))
}

/** The turns the model is given with the end user's next question. */
export async function endUserHistory(tx: Queryable, tenantId: string, endUserId: string): Promise<ChatTurn[]> {
  const messages = await listEndUserMessages(tx, tenantId, endUserId, HISTORY_MESSAGES)
  return messages.map(({ role, content }) => ({ role, content }))
}

export type EndUserExchange = { tenantId: string; endUserId: string; input: string; response: string; sources: KnowledgeSource[] }

/** Question and answer in one statement: both share the transaction's time, and readers order a question before its answer by role. */
export async function storeEndUserExchange(tx: Queryable, exchange: EndUserExchange): Promise<{ questionId: string; answerId: string }> {
  const rows = await tx.query<{ id: string; role: string }>(
    `insert into public.tenant_end_user_messages (tenant_id, end_user_id, role, content, sources)
     values ($1, $2, 'user', $3, '[]'::jsonb), ($1, $2, 'assistant', $4, $5::text::jsonb)
     returning id, role`,
    [exchange.tenantId, exchange.endUserId, exchange.input, exchange.response, JSON.stringify(exchange.sources)],
  )
  const idOf = (role: string) => String(rows.find((row) => row.role === role)?.id)
  return { questionId: idOf('user'), answerId: idOf('assistant') }
}
