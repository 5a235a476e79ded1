import type { Element, Phase } from '@/lib/engine/elements'
import { openerFor } from './answer-openers'
import { pickSentences, type SourcePassage } from './sentence-picker'

export type { SourcePassage } from './sentence-picker'

export type GroundedAnswerInput = {
  question: string
  /** Retrieved passages; `index` is the number the answer cites as `[index]`. */
  passages: readonly SourcePassage[]
  /**
   * The tenant's voice. `tone` shapes the language model's prompt; an extractive
   * answer quotes the knowledge base in its own words, so only the greeting,
   * sign-off and name are used here.
   */
  voice: { assistantName: string; tone: string; greeting?: string; signoff?: string }
  /** The engine's reading; the opener follows element and phase (guidance is for model prompts). */
  reading: { element: Element; phase: Phase; facetName: string; guidance: string }
}

const NOTHING_RELEVANT =
  'The knowledge base holds nothing relevant to this question. ' +
  'Try rephrasing it with the words your topic would use, or contact the organisation directly.'

/**
 * The offline answer: the knowledge base's own sentences that best match the
 * question, each cited, framed by an opener for the reading. It never invents
 * content, and says so plainly when nothing in the passages fits. Deterministic:
 * the same input always gives the same answer.
 */
export function composeGroundedAnswer(input: GroundedAnswerInput): string {
  const { voice, reading } = input
  const sentences = pickSentences(input.question, input.passages)
  const parts: string[] = []
  if (voice.greeting?.trim()) parts.push(voice.greeting.trim())
  if (sentences.length === 0) {
    parts.push(NOTHING_RELEVANT)
  } else {
    parts.push(openerFor(reading.element, reading.phase))
    parts.push(sentences.map((sentence) => `- ${sentence.text} [${sentence.citation}]`).join('\n'))
    parts.push(`_${voice.assistantName} is in offline mode: the lines above are quoted from the knowledge base._`)
  }
  if (voice.signoff?.trim()) parts.push(voice.signoff.trim())
  return parts.join('\n\n')
}
