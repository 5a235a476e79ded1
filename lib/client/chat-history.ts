import type { AnswerAlternative, ConversationMessage } from '@/lib/contracts/conversations'
import { facetById } from '@/lib/engine/facets'
import type { ShownMessage } from './chat-types'

/**
 * A stored message as the chat shows it. The thread stores the facet's id; the chat shows
 * its name, as a streamed answer's `meta` gives it.
 */
export function toShownMessage(message: ConversationMessage): ShownMessage {
  return { ...shown(message), alternatives: message.alternatives.map((alternative) => ({ ...shown(alternative), alternatives: [] })) }
}

function shown(message: AnswerAlternative): Omit<ShownMessage, 'alternatives'> {
  return {
    key: message.id,
    messageId: message.id,
    role: message.role,
    content: message.content,
    element: message.element,
    phase: message.phase,
    facet: message.facet === null ? null : (facetById(message.facet)?.name ?? message.facet),
    sources: message.sources,
    offline: message.offline,
    feedback: message.feedback,
    stopped: message.stopped,
    status: 'done',
  }
}
