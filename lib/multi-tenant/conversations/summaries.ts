import type { Element, Phase } from '@/lib/engine/elements'
import type { ConversationSummary } from '@/lib/contracts/conversations'

/* A thread's row as the list, one thread and a rename all answer it. */

export type SummaryRow = {
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

export const SUMMARY_COLUMNS = `id, title, message_count, tokens_used, dominant_element, detected_phase, depth_level, created_at, updated_at`

export function iso(value: Date | string): string {
  return new Date(value).toISOString()
}

export function toSummary(row: SummaryRow): ConversationSummary {
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
