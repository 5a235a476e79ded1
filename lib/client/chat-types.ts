import type { ConversationMessage } from '@/lib/contracts/conversations'

/**
 * One message as the chat shows it, whether loaded from history or streaming in: the
 * contract's fields plus the browser's own state.
 */
export type ShownMessage = Pick<
  ConversationMessage,
  'role' | 'content' | 'element' | 'phase' | 'sources' | 'offline' | 'feedback' | 'stopped'
> & {
  /** Stable key for React: the server's id once known, a local one before. */
  key: string
  /** The stored message; null until the server has stored it (and always for visitors). */
  messageId: string | null
  /** The facet's name, as the reading badge shows it. */
  facet: string | null
  status: 'streaming' | 'done' | 'failed'
  /** For an answer: the earlier answers to its question, oldest first (regenerated ones). */
  alternatives: ShownMessage[]
}

let counter = 0
export function localKey(prefix: string): string {
  counter += 1
  return `${prefix}-${Date.now().toString(36)}-${counter}`
}
