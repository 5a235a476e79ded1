import type { Queryable } from '@/lib/db'
import type { Element, Phase } from '@/lib/engine/elements'
import type { ChatTurn, TurnReading } from '@/lib/engine'
import { AppError } from '@/lib/errors'
import type { KnowledgeSource } from '@/lib/contracts/oracle'

/*
 * The oracle's writes to a thread. All run under the caller's RLS: a member only ever
 * sees and writes their own conversations, so another person's id is simply not found.
 */

const TITLE_CHARS = 60
/** Earlier turns sent back to the model as context, newest kept. */
const HISTORY_MESSAGES = 10

export function conversationNotFound(): AppError {
  return new AppError('not_found', 'No such conversation.')
}

/** The first question, on one line, cut at a word boundary near 60 characters. */
export function conversationTitle(input: string): string {
  const line = input.replace(/\s+/g, ' ').trim()
  if (line.length <= TITLE_CHARS) return line || 'New conversation'
  const cut = line.slice(0, TITLE_CHARS)
  const space = cut.lastIndexOf(' ')
  return `${(space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

export type Thread = {
  id: string
  /** User turns so far. */
  depth: number
  history: ChatTurn[]
  readings: TurnReading[]
}

export async function startThread(tx: Queryable, tenantId: string, userId: string, input: string): Promise<Thread> {
  const rows = await tx.query<{ id: string }>(
    'insert into public.tenant_conversations (tenant_id, user_id, title) values ($1, $2, $3) returning id',
    [tenantId, userId, conversationTitle(input)],
  )
  const id = rows[0]?.id
  if (!id) throw new AppError('internal', 'The conversation could not be started.')
  return { id, depth: 0, history: [], readings: [] }
}

/** The caller's own thread with its recent turns; anyone else's id is 404. */
export async function loadThread(tx: Queryable, tenantId: string, userId: string, conversationId: string): Promise<Thread> {
  const found = await tx.query<{ depth_level: number; full: boolean }>(
    `select c.depth_level,
            (select count(*) from public.tenant_messages m where m.conversation_id = c.id) + 2
              > app_private.conversation_message_cap() as full
       from public.tenant_conversations c
      where c.id = $1 and c.tenant_id = $2 and c.user_id = $3`,
    [conversationId, tenantId, userId],
  )
  const conversation = found[0]
  if (!conversation) throw conversationNotFound()
  // Refused before the model is asked: the exchange could not be stored (the trigger owns the cap).
  if (conversation.full) throw new AppError('limit_reached', 'This conversation is full: start a new one to keep asking.')
  const recent = await tx.query<{ role: 'user' | 'assistant'; content: string; element: Element | null; phase: Phase | null }>(
    `select role, content, element, phase from public.tenant_messages
      where conversation_id = $1 and tenant_id = $2
      order by created_at desc, role asc
      limit $3`,
    [conversationId, tenantId, HISTORY_MESSAGES],
  )
  const turns = recent.reverse()
  return {
    id: conversationId,
    depth: Number(conversation.depth_level),
    history: turns.map((turn) => ({ role: turn.role, content: turn.content })),
    readings: turns.flatMap((turn) =>
      turn.role === 'user' && turn.element && turn.phase ? [{ element: turn.element, phase: Number(turn.phase) as Phase }] : [],
    ),
  }
}

export type StoredExchange = {
  tenantId: string
  userId: string
  conversationId: string
  input: string
  response: string
  askedAt: Date
  element: Element
  phase: Phase
  facetId: string
  sources: KnowledgeSource[]
  tokensIn: number
  tokensOut: number
  offline: boolean
}

/** Stores the question and its answer together and updates the thread's summary; returns the answer's id. */
export async function storeExchange(tx: Queryable, exchange: StoredExchange): Promise<string> {
  // One statement for both rows; the answer is stamped after the question so they sort in order.
  const rows = await tx.query<{ id: string; role: string }>(
    `insert into public.tenant_messages
       (tenant_id, conversation_id, user_id, role, content, element, phase, facet, sources, tokens_in, tokens_out, offline, created_at)
     values
       ($1, $2, $3, 'user', $4, $6, $7, $8, '[]'::jsonb, 0, 0, $12, $13::timestamptz),
       ($1, $2, $3, 'assistant', $5, $6, $7, $8, $9::text::jsonb, $10, $11, $12,
        greatest(clock_timestamp(), $13::timestamptz + interval '1 millisecond'))
     returning id, role`,
    [
      exchange.tenantId,
      exchange.conversationId,
      exchange.userId,
      exchange.input,
      exchange.response,
      exchange.element,
      exchange.phase,
      exchange.facetId,
      JSON.stringify(exchange.sources),
      exchange.tokensIn,
      exchange.tokensOut,
      exchange.offline,
      exchange.askedAt,
    ],
  )
  // The dominant element counts every reading of the thread, the latest wins a tie.
  await tx.query(
    `update public.tenant_conversations c
        set message_count = c.message_count + 2,
            tokens_used = c.tokens_used + $3,
            detected_phase = $4,
            depth_level = c.depth_level + 1,
            dominant_element = (
              select m.element from public.tenant_messages m
               where m.conversation_id = c.id and m.tenant_id = c.tenant_id and m.element is not null
               group by m.element
               order by count(*) desc, max(m.created_at) desc
               limit 1)
      where c.id = $1 and c.tenant_id = $2`,
    [exchange.conversationId, exchange.tenantId, exchange.tokensIn + exchange.tokensOut, exchange.phase],
  )
  const id = rows.find((row) => row.role === 'assistant')?.id
  if (!id) throw new AppError('internal', 'The answer could not be stored.')
  return id
}

/** Undoes a thread that a failed first exchange started (its messages were never written). */
export async function abandonThread(tx: Queryable, tenantId: string, conversationId: string): Promise<void> {
  await tx.query('delete from public.tenant_conversations where id = $1 and tenant_id = $2', [conversationId, tenantId])
}
