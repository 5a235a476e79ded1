import { setTimeout as sleep } from 'node:timers/promises'
import type { ChatMessage, ChatProvider, ChatStreamEvent } from '@/lib/ai/chat'
import { composeGroundedAnswer } from '@/lib/ai/offline/responder'
import { countTokens, estimatePromptTokens } from '@/lib/ai/tokens'
import { assemblePrompt, type ChatTurn } from '@/lib/engine'
import { FIRM_RELEVANCE } from '@/lib/multi-tenant/knowledge'
import { withoutStrayCitations } from './citations'
import { toDocuments, toSourcePassages, type RetrievedPassage } from './knowledge'
import type { VoiceDraft } from './profile'
import type { Reading } from './reading'

/** The longest answer the model may write; also what a token reservation sets aside for it. */
export const MAX_ANSWER_TOKENS = 1024

export type AnswerInput = {
  chat: ChatProvider
  /** Stream tokens as the model writes them, or ask for the whole answer at once. */
  streaming: boolean
  tenantName: string
  /** The tenant's content language: what an offline answer is framed in when the question does not tell. */
  contentLanguage?: string
  voice: VoiceDraft
  reading: Reading
  passages: readonly RetrievedPassage[]
  history: readonly ChatTurn[]
  input: string
  /** The first answer of a thread may carry the tenant's greeting. */
  newThread: boolean
  signal?: AbortSignal
  /** At most MAX_ANSWER_TOKENS; the offline responder writes no tokens and ignores it. */
  maxTokens?: number
}

export type AnswerPlan = {
  /**
   * What the prompt costs, for charging an answer cut off before the model reported its
   * usage. Counted only then: tokenising a whole prompt is not free.
   */
  promptTokens: () => number
  events: AsyncIterable<ChatStreamEvent>
}

/**
 * A streamed offline answer arrives a word at a time at about a reader's pace, as a
 * model's would: all at once it reached the page as one block, and nobody could stop it
 * midway. Whole answers (JSON) are not paced.
 */
export const OFFLINE_WORD_MS = 15

async function* wordsOf(text: string, paced: boolean, signal?: AbortSignal): AsyncIterable<ChatStreamEvent> {
  for (const [index, word] of (text.match(/\S+\s*/g) ?? []).entries()) {
    if (paced && index > 0) await sleep(OFFLINE_WORD_MS)
    if (signal?.aborted) return
    yield { type: 'token', text: word }
  }
  yield { type: 'done', usage: { promptTokens: 0, completionTokens: 0 } }
}

async function* completeAtOnce(
  chat: ChatProvider,
  messages: ChatMessage[],
  maxTokens: number,
  signal?: AbortSignal,
): AsyncIterable<ChatStreamEvent> {
  const completion = await chat.complete(messages, { maxTokens, signal })
  yield { type: 'token', text: completion.text }
  yield { type: 'done', usage: completion.usage }
}

/**
 * Offline, the grounded extractive responder quotes the passages (no model, no tokens).
 * With a model, the engine's prompt (framework + tenant voice + knowledge as data) goes to
 * the chat provider, streamed or complete.
 */
export function planAnswer(args: AnswerInput): AnswerPlan {
  const { voice, reading } = args
  if (args.chat.offline) {
    const text = composeGroundedAnswer({
      question: args.input,
      passages: toSourcePassages(args.passages),
      voice: {
        assistantName: voice.maiaPersonality.name,
        tone: voice.brandVoice.tone,
        greeting: args.newThread ? voice.brandVoice.greeting : undefined,
        signoff: voice.brandVoice.signoff,
      },
      reading: { element: reading.element, phase: reading.phase, facetName: reading.facet.name, guidance: reading.facet.guidance },
      contentLanguage: args.contentLanguage,
    })
    return { promptTokens: () => 0, events: wordsOf(text, args.streaming, args.signal) }
  }
  const { messages } = assemblePrompt({
    tenantName: args.tenantName,
    brandVoice: voice.brandVoice,
    personality: voice.maiaPersonality,
    signature: voice.elementalSignature,
    element: reading.element,
    phase: reading.phase,
    knowledge: toDocuments(args.passages),
    weakKnowledge: args.passages.every((passage) => passage.score < FIRM_RELEVANCE),
    history: args.history,
    input: args.input,
  })
  const maxTokens = Math.min(args.maxTokens ?? MAX_ANSWER_TOKENS, MAX_ANSWER_TOKENS)
  const events = args.streaming
    ? args.chat.stream(messages, { maxTokens, signal: args.signal })
    : completeAtOnce(args.chat, messages, maxTokens, args.signal)
  return { promptTokens: () => estimatePromptTokens(messages), events: withoutStrayCitations(events, args.passages.length) }
}

// Parts of a prompt the reservation cannot measure before retrieval: the engine's
// framework and the tenant's voice, the classification prompt, the retrieved passages.
const FRAMEWORK_TOKENS = 1_200
const CLASSIFICATION_TOKENS = 500
const PASSAGE_TOKENS = 600

/**
 * An upper estimate of what one exchange costs, reserved before the model is called
 * and settled with the real usage afterwards. `inputTokens` is the question's count,
 * taken before the admission transaction opens.
 */
export function estimateExchangeTokens(inputTokens: number, history: readonly ChatTurn[], passages: number): number {
  const historyTokens = history.reduce((sum, turn) => sum + countTokens(turn.content) + 4, 0)
  return FRAMEWORK_TOKENS + CLASSIFICATION_TOKENS + 2 * inputTokens + historyTokens + passages * PASSAGE_TOKENS + MAX_ANSWER_TOKENS
}
