import type { Acting } from '@/lib/multi-tenant/access'
import type { Element, Phase } from '@/lib/engine/elements'
import { AppError } from '@/lib/errors'
import type { Queryable } from '@/lib/db'
import { conversationNotFound, VISIBLE_MESSAGE } from './threads'
import type {
  AnswerAlternative,
  ConversationListQuery,
  ConversationMessagesQuery,
  ConversationResponse,
  ConversationMessage,
  ConversationPage,
  Feedback,
} from '@/lib/contracts/conversations'
import type { KnowledgeSource } from '@/lib/contracts/oracle'
import { isUuid } from '@/lib/contracts/ids'
import { iso, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summaries'

/*
 * A member's own conversations. RLS shows each person only their own threads (not even
 * tenant admins read them), so another person's id is indistinguishable from none: 404.
 */

/** `%`, `_` and a backslash match themselves: the caller's words are searched for as typed. */
function containsPattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (special) => `\\${special}`)}%`
}

/**
 * The caller's threads in this tenant, most recently active first; with `q`, only those
 * whose title or any message contains it. RLS limits both to the caller's own rows.
 */
export async function listConversations(caller: Acting, tenantId: string, query: ConversationListQuery): Promise<ConversationPage> {
  const words = query.q?.replace(/\s+/g, ' ').trim()
  const pattern = words ? containsPattern(words) : null
  const matching = `c.tenant_id = $1 and c.user_id = $2
        and ($3::text is null
             or c.title ilike $3 escape '\\'
             or exists (select 1 from public.tenant_messages m
                         where m.conversation_id = c.id and m.tenant_id = c.tenant_id and not m.superseded and m.content ilike $3 escape '\\'))`
  const userId = caller.session?.userId ?? null
  return caller.run(async (tx) => {
    const rows = await tx.query<SummaryRow & { total: number }>(
      `select ${SUMMARY_COLUMNS}, count(*) over ()::int as total
         from public.tenant_conversations c
        where ${matching}
        order by updated_at desc, id desc
        limit $4 offset $5`,
      [tenantId, userId, pattern, query.pageSize, (query.page - 1) * query.pageSize],
    )
    let total = rows[0]?.total ?? 0
    if (rows.length === 0 && query.page > 1) {
      const counted = await tx.query<{ total: number }>(
        `select count(*)::int as total from public.tenant_conversations c where ${matching}`,
        [tenantId, userId, pattern],
      )
      total = counted[0]?.total ?? 0
    }
    return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total }
  })
}

type MessageRow = {
  id: string
  role: 'user' | 'assistant'
  content: string
  element: Element | null
  phase: number | null
  facet: string | null
  sources: unknown
  tokens_in: number
  tokens_out: number
  offline: boolean
  feedback: number | null
  stopped: boolean
  question_id: string | null
  created_at: Date | string
}

const MESSAGE_COLUMNS =
  'm.id, m.role, m.content, m.element, m.phase, m.facet, m.sources, m.tokens_in, m.tokens_out, m.offline, m.feedback, m.stopped, m.question_id, m.created_at'

function toAlternative(row: MessageRow): AnswerAlternative {
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    element: row.element,
    phase: row.phase === null ? null : (Number(row.phase) as Phase),
    facet: row.facet,
    sources: Array.isArray(row.sources) ? (row.sources as KnowledgeSource[]) : [],
    tokensIn: Number(row.tokens_in),
    tokensOut: Number(row.tokens_out),
    offline: row.offline,
    feedback: row.feedback === 1 || row.feedback === -1 ? row.feedback : null,
    stopped: row.stopped,
    createdAt: iso(row.created_at),
  }
}

/** The earlier answers to the page's questions, oldest first, by question. */
async function alternativesOf(tx: Queryable, tenantId: string, shown: MessageRow[]): Promise<Map<string, AnswerAlternative[]>> {
  const byQuestion = new Map<string, AnswerAlternative[]>()
  const answers = shown.filter((row) => row.question_id)
  if (answers.length === 0) return byQuestion
  const rows = await tx.query<MessageRow>(
    `select ${MESSAGE_COLUMNS} from public.tenant_messages m
      where m.tenant_id = $1 and not m.superseded
        and m.question_id in (select value::uuid from jsonb_array_elements_text($2::text::jsonb))
        and m.id not in (select value::uuid from jsonb_array_elements_text($3::text::jsonb))
      order by m.created_at, m.id`,
    [tenantId, JSON.stringify(answers.map((row) => row.question_id)), JSON.stringify(answers.map((row) => row.id))],
  )
  for (const row of rows) {
    const key = row.question_id ?? ''
    byQuestion.set(key, [...(byQuestion.get(key) ?? []), toAlternative(row)])
  }
  return byQuestion
}

/** One of the caller's threads with a page of its messages (see conversationMessagesQuerySchema). */
export async function getConversation(
  caller: Acting,
  tenantId: string,
  id: string,
  query: ConversationMessagesQuery,
): Promise<ConversationResponse> {
  if (!isUuid(id)) throw conversationNotFound()
  return caller.run(async (tx) => {
    const found = await tx.query<SummaryRow>(
      `select ${SUMMARY_COLUMNS} from public.tenant_conversations where id = $1 and tenant_id = $2 and user_id = $3`,
      [id, tenantId, caller.session?.userId ?? null],
    )
    const row = found[0]
    if (!row) throw conversationNotFound()
    const messages = await tx.query<MessageRow & { position: string | number }>(
      `select * from (
         select ${MESSAGE_COLUMNS},
                row_number() over (order by m.created_at, case m.role when 'user' then 0 else 1 end, m.id) as position
           from public.tenant_messages m
          where m.conversation_id = $1 and m.tenant_id = $2 and ${VISIBLE_MESSAGE}
       ) numbered
       where $3::bigint is null or position < $3::bigint
       order by position desc
       limit $4`,
      [id, tenantId, query.cursor ?? null, query.limit],
    )
    const page = messages.reverse()
    const first = Number(page[0]?.position ?? 1)
    const alternatives = await alternativesOf(tx, tenantId, page)
    const shown: ConversationMessage[] = page.map((message) => ({
      ...toAlternative(message),
      alternatives: (message.question_id && alternatives.get(message.question_id)) || [],
    }))
    return { conversation: { ...toSummary(row), messages: shown }, nextCursor: first > 1 ? first : null }
  })
}

export async function deleteConversation(caller: Acting, tenantId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw conversationNotFound()
  const rows = await caller.run((tx) =>
    tx.query('delete from public.tenant_conversations where id = $1 and tenant_id = $2 and user_id = $3 returning id', [
      id,
      tenantId,
      caller.session?.userId ?? null,
    ]),
  )
  if (rows.length === 0) throw conversationNotFound()
}

/** Rates an answer in one of the caller's own threads (null clears the rating). */
export async function rateAnswer(caller: Acting, tenantId: string, messageId: string, value: Feedback): Promise<void> {
  const notFound = new AppError('not_found', 'No such answer.')
  if (!isUuid(messageId)) throw notFound
  const rows = await caller.run((tx) =>
    tx.query(
      `update public.tenant_messages set feedback = $1
        where id = $2 and tenant_id = $3 and user_id = $4 and role = 'assistant'
        returning id`,
      [value, messageId, tenantId, caller.session?.userId ?? null],
    ),
  )
  if (rows.length === 0) throw notFound
}
