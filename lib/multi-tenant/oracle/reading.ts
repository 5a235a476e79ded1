import type { ChatProvider, TokenUsage } from '@/lib/ai/chat'
import { classifyWithFallback, facetFor, type Classifier, type Facet, type TurnReading } from '@/lib/engine'
import type { Element, Phase } from '@/lib/engine/elements'

/** The classification answer is one small JSON object. */
const CLASSIFY_MAX_TOKENS = 60
/** A reading is worth little once the answer is late: give up early and use the lexicon. */
const CLASSIFY_TIMEOUT_MS = 8_000

export type Reading = {
  element: Element
  phase: Phase
  facet: Facet
  source: 'llm' | 'lexicon'
  /** Tokens the classification call used (zero without a model). */
  usage: TokenUsage
}

export type ReadingInput = {
  chat: ChatProvider
  /** An injected classifier (tests, other models) replaces the chat provider's. */
  classify?: Classifier
  input: string
  readings: readonly TurnReading[]
  conversationDepth: number
  signal?: AbortSignal
}

/**
 * The engine's reading of the message: the language model's classification when one is
 * configured, the offline detector when not or when the model fails in any way.
 */
export async function readMessage(args: ReadingInput): Promise<Reading> {
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 }
  let classify = args.classify
  if (!classify && !args.chat.offline) {
    classify = async (prompt) => {
      const timeout = AbortSignal.timeout(CLASSIFY_TIMEOUT_MS)
      const signal = args.signal ? AbortSignal.any([args.signal, timeout]) : timeout
      const answer = await args.chat.complete([{ role: 'user', content: prompt }], { maxTokens: CLASSIFY_MAX_TOKENS, signal })
      usage.promptTokens += answer.usage.promptTokens
      usage.completionTokens += answer.usage.completionTokens
      return answer.text
    }
  }
  const detection = await classifyWithFallback(args.input, args.readings, {
    classify,
    conversationDepth: args.conversationDepth,
  })
  return {
    element: detection.element,
    phase: detection.phase,
    facet: facetFor(detection.element, detection.phase),
    source: detection.source,
    usage,
  }
}
