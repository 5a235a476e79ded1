import type { Element, Phase } from '@/lib/engine/elements'
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
}

const NOTHING_RELEVANT =
  'The knowledge base holds nothing relevant to this question. ' +
  'Try rephrasing it with the words your topic would use, or contact the organisation directly.'

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
 * voice. It never invents content, says so plainly when nothing in the passages fits, and
 * says when what it found is only the closest match. Deterministic.
 */
export function composeGroundedAnswer(input: GroundedAnswerInput): string {
  const { voice, reading } = input
  const overview = isOverviewQuestion(input.question) && input.passages.length > 0
  const picked = overview ? null : pickUnits(input.question, input.passages)
  const parts: string[] = []
  if (voice.greeting?.trim()) parts.push(voice.greeting.trim())
  if (overview) {
    parts.push(`${voice.assistantName} answers from this organisation's documents, for example:`)
    parts.push(input.passages.map((passage) => `- ${passage.title} [${passage.index}]`).join('\n'))
    parts.push('Ask about any of these topics.')
  } else if (!picked || picked.units.length === 0) {
    parts.push(NOTHING_RELEVANT)
  } else {
    parts.push(openerFor(voice.tone, reading.element, reading.phase, picked.strength < WEAK_EVIDENCE))
    parts.push(renderAll(picked.units))
    parts.push(`_${voice.assistantName} is in offline mode: the lines above are quoted from the knowledge base._`)
  }
  if (voice.signoff?.trim()) parts.push(voice.signoff.trim())
  return parts.join('\n\n')
}
