import type { KnowledgeSource } from './oracle-events'

export type Feedback = 1 | -1 | null

/** One message as the chat shows it, whether loaded from history or streaming in. */
export type ChatMessage = {
  /** Stable key for React: the server's id once known, a local one before. */
  key: string
  messageId: string | null
  role: 'user' | 'assistant'
  content: string
  element: string | null
  phase: number | null
  facet: string | null
  sources: KnowledgeSource[]
  offline: boolean
  feedback: Feedback
  status: 'streaming' | 'done' | 'failed'
}

export type ConversationSummary = {
  id: string
  title: string
  updatedAt: string | null
  messageCount: number
  dominantElement: string | null
}

let counter = 0
export function localKey(prefix: string): string {
  counter += 1
  return `${prefix}-${Date.now().toString(36)}-${counter}`
}
