import type { Acting } from '@/lib/multi-tenant/access'
import type { Element, Phase } from '@/lib/engine/elements'
import { AppError } from '@/lib/errors'
import { conversationNotFound } from './threads'
import type {
  ConversationListQuery,
  ConversationMessagesQuery,
  ConversationResponse,
  ConversationMessage,
  ConversationPage,
  ConversationSummary,
  Feedback,
} from '@/lib/contracts/conversations'
import type { KnowledgeSource } from '@/lib/contracts/oracle'
import { isUuid } from '@/lib/contracts/ids'

/*
 * A member's own conversations. RLS shows each person only their own threads (not even
 * tenant admins read them), so another person's id is indistinguishable from none: 404.
 */

type SummaryRow = {
  id: string
  title: string
  message_count: number
  tokens_used: string | number
  dominant_element: Element | null
  detected_phase: number | null
  depth_level: number
  created_at: Date | string
  updated_at: Date | string
}

const SUMMARY_COLUMNS = `id, title, message_count, tokens_used, dominant_element, detected_phase, depth_level, created_at, updated_at`

function iso(value: Date | string): string {
  return new Date(value).toISOString()
}

function toSummary(row: SummaryRow): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    messageCount: Number(row.message_count),
    tokensUsed: Number(row.tokens_used),
    dominantElement: row.dominant_element,
    detectedPhase: row.detected_phase === null ? null : (Number(row.detected_phase) as Phase),
    depthLevel: Number(row.depth_level),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
}

/** The caller's threads in this tenant, most recently active first. */
export async function listConversations(caller: Acting, tenantId: string, query: ConversationListQuery): Promise<ConversationPage> {
  return caller.run(async (tx) => {
    const rows = await tx.query<SummaryRow & { total: number }>(
      `select ${SUMMARY_COLUMNS}, count(*) over ()::int as total
         from public.tenant_conversations
        where tenant_id = $1 and user_id = $2
        order by updated_at desc, id desc
        limit $3 offset $4`,
      [tenantId, caller.session?.userId ?? null, query.pageSize, (query.page - 1) * query.pageSize],
    )
    let total = rows[0]?.total ?? 0
    if (rows.length === 0 && query.page > 1) {
      const counted = await tx.query<{ total: number }>(
        'select count(*)::int as total from public.tenant_conversations where tenant_id = $1 and user_id = $2',
        [tenantId, caller.session?.userId ?? null],
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
  created_at: Date | string
}

function toMessage(row: MessageRow): ConversationMessage {
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
    createdAt: iso(row.created_at),
  }
}

/** One of the caller's threads with every message, oldest first. */
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
         select id, role, content, element, phase, facet, sources, tokens_in, tokens_out, offline, feedback, created_at,
                row_number() over (order by created_at, case role when 'user' then 0 else 1 end, id) as position
           from public.tenant_messages
          where conversation_id = $1 and tenant_id = $2
       ) numbered
       where $3::bigint is null or position < $3::bigint
       order by position desc
       limit $4`,
      [id, tenantId, query.cursor ?? null, query.limit],
    )
    const page = messages.reverse()
    const first = Number(page[0]?.position ?? 1)
    return { conversation: { ...toSummary(row), messages: page.map(toMessage) }, nextCursor: first > 1 ? first : null }
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
