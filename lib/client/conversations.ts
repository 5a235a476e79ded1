import { z } from 'zod'
import type { ChatMessage, ConversationSummary } from './chat-types'
import { knowledgeSourceSchema } from './oracle-events'

/*
 * Readers for the conversations routes. Lenient about casing and extra keys: the
 * list may arrive bare or wrapped, rows in camelCase or snake_case.
 */

const text = z.string().nullable().optional()
const count = z.coerce.number().nullable().optional()

const conversationRow = z
  .object({
    id: z.string(),
    title: text,
    updatedAt: text,
    updated_at: text,
    createdAt: text,
    messageCount: count,
    message_count: count,
    dominantElement: text,
    dominant_element: text,
  })
  .loose()

const messageRow = z
  .object({
    id: z.string(),
    role: z.enum(['user', 'assistant']),
    content: z.string(),
    element: text,
    phase: count,
    facet: z
      .union([z.string(), z.object({ name: z.string() }).loose()])
      .nullable()
      .optional(),
    sources: z.array(knowledgeSourceSchema).nullable().optional(),
    knowledgeSources: z.array(knowledgeSourceSchema).nullable().optional(),
    offline: z.boolean().nullable().optional(),
    feedback: count,
  })
  .loose()

/** The first array found at one of `paths` (dotted) in the body, or the body itself when it is one. */
function listFrom(body: unknown, paths: string[]): unknown[] {
  if (Array.isArray(body)) return body
  for (const path of paths) {
    let value: unknown = body
    for (const key of path.split('.')) value = (value as Record<string, unknown> | null)?.[key]
    if (Array.isArray(value)) return value
  }
  return []
}

export function readConversationList(body: unknown): ConversationSummary[] {
  return listFrom(body, ['items', 'conversations']).flatMap((raw) => {
    const parsed = conversationRow.safeParse(raw)
    if (!parsed.success) return []
    const row = parsed.data
    return [
      {
        id: row.id,
        title: row.title || 'Conversation',
        updatedAt: row.updatedAt ?? row.updated_at ?? row.createdAt ?? null,
        messageCount: row.messageCount ?? row.message_count ?? 0,
        dominantElement: row.dominantElement ?? row.dominant_element ?? null,
      },
    ]
  })
}

export function readConversationMessages(body: unknown): ChatMessage[] {
  return listFrom(body, ['conversation.messages', 'messages']).flatMap((raw) => {
    const parsed = messageRow.safeParse(raw)
    if (!parsed.success) return []
    const row = parsed.data
    const feedback = row.feedback === 1 || row.feedback === -1 ? row.feedback : null
    return [
      {
        key: row.id,
        messageId: row.id,
        role: row.role,
        content: row.content,
        element: row.element ?? null,
        phase: row.phase ?? null,
        facet: row.facet == null ? null : typeof row.facet === 'string' ? row.facet : row.facet.name,
        sources: row.sources ?? row.knowledgeSources ?? [],
        offline: row.offline ?? false,
        feedback,
        status: 'done' as const,
      },
    ]
  })
}
