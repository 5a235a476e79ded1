import type { Element, Phase } from '@/lib/engine/elements'
import { ANSWER_FRAMES } from './answer-frames'
import { answerLanguageOf } from './answer-language'
import { openerFor } from './answer-openers'
import { isOverviewQuestion } from './question-kind'
import { pickUnits, type PickedUnit, type SourcePassage } from './sentence-picker'

export type { SourcePassage } from './sentence-picker'

export type GroundedAnswerInput = {
  question: string
  /** Retrieved passages; `index` is the number the answer cites as `[index]`. */
  passages: readonly SourcePassage[]
  /**
   * The tenant's voice. An extractive answer quotes the knowledge base in its own words,
   * so the tone only chooses the opener; greeting, sign-off and name frame the answer.
   */
  voice: { assistantName: string; tone: string; greeting?: string; signoff?: string }
  /** The engine's reading; with a warm tone the opener follows element and phase. */
  reading: { element: Element; phase: Phase; facetName: string; guidance: string }
  /** The tenant's content language (a text search configuration), when the question does not tell its own. */
  contentLanguage?: string
}

// Below this share of the question's weight in the best unit, the answer says it is
// only the closest match.
const WEAK_EVIDENCE = 0.45

/** One picked unit as Markdown, cited; lists keep their markers, tables and code their form. */
function render(unit: PickedUnit): string {
  const cite = `[${unit.citation}]`
  if (unit.kind === 'table' || unit.kind === 'code') return `${unit.text}\n\n${cite}`
  if (unit.kind === 'item') return `${unit.marker === '-' || !unit.marker ? '-' : unit.marker} ${unit.text} ${cite}`
  return `- ${unit.text} ${cite}`
}

function renderAll(units: readonly PickedUnit[]): string {
  const parts: string[] = []
  let previous: PickedUnit | undefined
  for (const unit of units) {
    const text = render(unit)
    const sameList =
      previous && (previous.kind === 'item' || previous.kind === 'sentence') && (unit.kind === 'item' || unit.kind === 'sentence')
    if (sameList && parts.length > 0) parts[parts.length - 1] += `\n${text}`
    else parts.push(text)
    previous = unit
  }
  return parts.join('\n\n')
}

/**
 * The offline answer: the units of the passages that answer the question (sentences, list
 * items, whole tables and code blocks), each cited, framed by an opener in the tenant's
 * voice and in the question's language. It never invents content, says so plainly when
 * nothing in the passages fits, and says when what it found is only the closest match.
 * Deterministic.
 */
export function composeGroundedAnswer(input: GroundedAnswerInput): string {
  const { voice, reading } = input
  const frame = ANSWER_FRAMES[answerLanguageOf(input.question, input.contentLanguage)]
  const overview = isOverviewQuestion(input.question) && input.passages.length > 0
  const picked = overview ? null : pickUnits(input.question, input.passages)
  const parts: string[] = []
  if (voice.greeting?.trim()) parts.push(voice.greeting.trim())
  if (overview) {
    parts.push(frame.overview(voice.assistantName))
    parts.push(input.passages.map((passage) => `- ${passage.title} [${passage.index}]`).join('\n'))
    parts.push(frame.overviewClose)
  } else if (!picked || picked.units.length === 0) {
    parts.push(frame.nothingRelevant)
  } else {
    parts.push(openerFor(frame, voice.tone, reading.element, reading.phase, picked.strength < WEAK_EVIDENCE))
    parts.push(renderAll(picked.units))
    parts.push(frame.offlineNote(voice.assistantName))
  }
  if (voice.signoff?.trim()) parts.push(voice.signoff.trim())
  return parts.join('\n\n')
}
