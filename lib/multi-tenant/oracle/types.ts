import type { Element, Phase } from '@/lib/engine/elements'

/** One retrieved passage as the API shows it; answers cite it as [n], n = its position + 1. */
export type KnowledgeSource = {
  /** The chunk's id. */
  id: string
  /** The document the chunk belongs to. */
  knowledgeId: string
  title: string
  snippet: string
  score: number
}

export type OracleUsage = {
  promptTokens: number
  completionTokens: number
  totalTokens: number
  /** True when no language model answered: the grounded offline responder did. */
  offline: boolean
}

export type OracleFacet = { id: string; name: string }

/** What is known before the first word of the answer. */
export type OracleMeta = {
  element: Element
  phase: Phase
  facet: OracleFacet
  knowledgeSources: KnowledgeSource[]
  /** null for visitors and previews: nothing is stored for them. */
  conversationId: string | null
  offline: boolean
}

export type OracleEvent =
  ({ type: 'meta' } & OracleMeta) | { type: 'token'; text: string } | { type: 'done'; usage: OracleUsage; messageId: string | null }

export type OracleResult = OracleMeta & {
  response: string
  usage: OracleUsage
  /** The stored assistant message (for feedback); null when nothing is stored. */
  messageId: string | null
}
