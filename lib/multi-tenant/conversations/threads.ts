import { randomUUID } from 'node:crypto'
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

/** One of the thread's questions asked again: with the same text (regenerate) or edited. */
export type AskedAgain = { questionId: string; sameText: boolean }

export type Thread = {
  id: string
  /** User turns so far (before the question asked again, if one is). */
  depth: number
  history: ChatTurn[]
  readings: TurnReading[]
  again: AskedAgain | null
}

/**
 * The visible thread: messages still in it, and of each question's answers only the
 * latest (the earlier are its alternatives). `m` is the message being tested.
 */
export const VISIBLE_MESSAGE = `not m.superseded
  and not exists (select 1 from public.tenant_messages later
                   where later.question_id = m.question_id and not later.superseded and later.created_at > m.created_at)`

export async function startThread(
  tx: Queryable,
  tenantId: string,
  userId: string,
  input: string,
  advisorId: string | null = null,
): Promise<Thread> {
  const rows = await tx.query<{ id: string }>(
    'insert into public.tenant_conversations (tenant_id, user_id, title, advisor_id) values ($1, $2, $3, $4) returning id',
    [tenantId, userId, conversationTitle(input), advisorId],
  )
  const id = rows[0]?.id
  if (!id) throw new AppError('internal', 'The conversation could not be started.')
  return { id, depth: 0, history: [], readings: [], again: null }
}

/**
 * The caller's own thread with its recent turns; anyone else's id is 404. With `resend`
 * (one of its visible questions, asked again with `input`) the turns are those before it.
 */
export async function loadThread(
  tx: Queryable,
  tenantId: string,
  userId: string,
  conversationId: string,
  resend?: { questionId: string; input: string },
): Promise<Thread> {
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
  let again: AskedAgain | null = null
  let depth = Number(conversation.depth_level)
  if (resend) {
    const question = await tx.query<{ content: string; before: number }>(
      `select q.content,
              (select count(*)::int from public.tenant_messages m
                where m.conversation_id = q.conversation_id and m.role = 'user' and not m.superseded and m.created_at < q.created_at) as before
         from public.tenant_messages q
        where q.id = $1 and q.conversation_id = $2 and q.tenant_id = $3 and q.role = 'user' and not q.superseded`,
      [resend.questionId, conversationId, tenantId],
    )
    const row = question[0]
    if (!row) throw new AppError('not_found', 'No such question in this conversation.')
    again = { questionId: resend.questionId, sameText: row.content === resend.input }
    depth = Number(row.before)
  }
  const recent = await tx.query<{ role: 'user' | 'assistant'; content: string; element: Element | null; phase: Phase | null }>(
    `select m.role, m.content, m.element, m.phase from public.tenant_messages m
      where m.conversation_id = $1 and m.tenant_id = $2 and ${VISIBLE_MESSAGE}
        and ($4::uuid is null or m.created_at < (select q.created_at from public.tenant_messages q where q.id = $4::uuid))
      order by m.created_at desc, m.role asc
      limit $3`,
    [conversationId, tenantId, HISTORY_MESSAGES, again?.questionId ?? null],
  )
  const turns = recent.reverse()
  return {
    id: conversationId,
    depth,
    history: turns.map((turn) => ({ role: turn.role, content: turn.content })),
    readings: turns.flatMap((turn) =>
      turn.role === 'user' && turn.element && turn.phase ? [{ element: turn.element, phase: Number(turn.phase) as Phase }] : [],
    ),
    again,
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
  /** The member stopped the answer mid-stream; `response` is what was written. */
  stopped: boolean
  again: AskedAgain | null
}

export type StoredIds = { questionId: string; answerId: string; messages: number }

/**
 * A question asked again takes what follows it out of the visible thread: with the same
 * text, everything after it but its own answers (they become alternatives); edited, the
 * question and its answers too.
 */
async function supersedeAfter(tx: Queryable, exchange: StoredExchange, again: AskedAgain): Promise<void> {
  await tx.query(
    `update public.tenant_messages m set superseded = true
      where m.conversation_id = $1 and m.tenant_id = $2 and not m.superseded
        and m.created_at >= (select q.created_at from public.tenant_messages q where q.id = $3::uuid)
        and not ($4::boolean and (m.id = $3::uuid or m.question_id is not distinct from $3::uuid))`,
    [exchange.conversationId, exchange.tenantId, again.questionId, again.sameText],
  )
}

/**
 * Stores the question and its answer together (or, for the same question asked again,
 * another answer to it) and updates the thread's summary.
 */
export async function storeExchange(tx: Queryable, exchange: StoredExchange): Promise<StoredIds> {
  const { again } = exchange
  if (again) await supersedeAfter(tx, exchange, again)
  const questionId = again?.sameText ? again.questionId : randomUUID()
  const answer = [
    exchange.response,
    exchange.element,
    exchange.phase,
    exchange.facetId,
    JSON.stringify(exchange.sources),
    exchange.tokensIn,
    exchange.tokensOut,
    exchange.offline,
    exchange.stopped,
  ]
  const owner = [exchange.tenantId, exchange.conversationId, exchange.userId, questionId, exchange.askedAt]
  // $1..$5 the thread, question id and time; $6..$14 the answer (stamped after the question so they sort in order).
  const answerRow = `(gen_random_uuid(), $1, $2, $3, 'assistant', $6, $7, $8, $9, $10::text::jsonb, $11, $12, $13, $14::boolean, $4::uuid,
                      greatest(clock_timestamp(), $5::timestamptz + interval '1 millisecond'))`
  const columns = `(id, tenant_id, conversation_id, user_id, role, content, element, phase, facet, sources,
                    tokens_in, tokens_out, offline, stopped, question_id, created_at)`
  const rows = again?.sameText
    ? await tx.query<{ id: string; role: string }>(`insert into public.tenant_messages ${columns} values ${answerRow} returning id, role`, [
        ...owner,
        ...answer,
      ])
    : await tx.query<{ id: string; role: string }>(
        // One statement for both rows.
        `insert into public.tenant_messages ${columns}
         values ($4::uuid, $1, $2, $3, 'user', $15, $7, $8, $9, '[]'::jsonb, 0, 0, $13, false, null, $5::timestamptz), ${answerRow}
         returning id, role`,
        [...owner, ...answer, exchange.input],
      )
  const messages = rows.length
  // The dominant element counts every reading still in the thread, the latest wins a tie.
  await tx.query(
    `update public.tenant_conversations c
        set message_count = c.message_count + $5,
            tokens_used = c.tokens_used + $3,
            detected_phase = $4,
            depth_level = (select count(*) from public.tenant_messages m
                            where m.conversation_id = c.id and m.role = 'user' and not m.superseded),
            dominant_element = (
              select m.element from public.tenant_messages m
               where m.conversation_id = c.id and m.tenant_id = c.tenant_id and m.element is not null and not m.superseded
               group by m.element
               order by count(*) desc, max(m.created_at) desc
               limit 1)
      where c.id = $1 and c.tenant_id = $2`,
    [exchange.conversationId, exchange.tenantId, exchange.tokensIn + exchange.tokensOut, exchange.phase, messages],
  )
  const answerId = rows.find((row) => row.role === 'assistant')?.id
  if (!answerId) throw new AppError('internal', 'The answer could not be stored.')
  return { questionId, answerId, messages }
}

/** Undoes a thread that a failed first exchange started (its messages were never written). */
export async function abandonThread(tx: Queryable, tenantId: string, conversationId: string): Promise<void> {
  await tx.query('delete from public.tenant_conversations where id = $1 and tenant_id = $2', [conversationId, tenantId])
}
