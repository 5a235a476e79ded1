import { questionStems, stemsOf } from './answer-terms'
import { passageUnits, type PassageUnit } from './passage-units'
import { askedFor, holdsAnswerKind, type AnswerKind } from './question-kind'

export type SourcePassage = {
  index: number
  title: string
  /** The heading path of the passage within its document, when it has one. */
  heading?: string | null
  content: string
  /** Retrieval's relevance of the passage, in [0, 1]. */
  score: number
}

export type PickedUnit = PassageUnit & {
  /** The passage's `index`, cited as `[n]`. */
  citation: number
  score: number
}

export type Picked = {
  units: PickedUnit[]
  kind: AnswerKind
  /** How much of the question's weight the best unit carries, in [0, 1]: low = weak evidence. */
  strength: number
}

const MAX_UNITS = 5
const MAX_CHARS = 1_400
// When a value is asked for (a price, a duration...), a unit holding one gains this much
// question coverage, and a unit without one keeps only LACKS_VALUE of its score.
const KIND_BONUS = 0.5
const LACKS_VALUE = 0.6
// A list this small is quoted whole when one of its items is the best unit.
const SHORT_LIST_ITEMS = 8
const SHORT_LIST_CHARS = 600
// Half of the best neighbour's coverage counts for a unit.
const NEAR_WEIGHT = 0.5
// Words of the title and heading path say what the whole passage is about.
const CONTEXT_WEIGHT = 0.35

type Scored = PickedUnit & { stems: Set<string> }

/**
 * IDF of the question's stems over the units of all passages: a word in every
 * sentence picks none of them out; a question word no unit holds weighs nothing here
 * (retrieval already judged whether the passages are relevant at all).
 */
function weights(question: Set<string>, units: readonly Scored[]): Map<string, number> {
  const result = new Map<string, number>()
  for (const stem of question) {
    const holding = units.filter((unit) => unit.stems.has(stem)).length
    if (holding > 0) result.set(stem, Math.log(1 + units.length / holding))
  }
  return result
}

function coverage(stems: Set<string>, weighted: Map<string, number>, total: number): number {
  if (total === 0) return 0
  let sum = 0
  for (const [stem, weight] of weighted) if (stems.has(stem)) sum += weight
  return sum / total
}

/**
 * The units of the passages that best answer the question, in reading order per passage,
 * with neighbours that complete them (the list a sentence introduces, the sentence a
 * short one leans on). None when no unit shares a word with the question.
 */
export function pickUnits(question: string, passages: readonly SourcePassage[]): Picked {
  const kind = askedFor(question)
  const asked = questionStems(question)
  const all: Scored[] = []
  const byPassage = new Map<number, Scored[]>()
  for (const passage of passages) {
    const units = passageUnits(passage.content).map((unit) => ({
      ...unit,
      citation: passage.index,
      score: 0,
      stems: new Set(stemsOf(unit.text)),
    }))
    byPassage.set(passage.index, units)
    all.push(...units)
  }
  const weighted = weights(asked, all)
  const total = [...weighted.values()].reduce((sum, weight) => sum + weight, 0)
  if (total === 0) return { units: [], kind, strength: 0 }

  const valueAsked = !['steps', 'yesno', 'open'].includes(kind)
  for (const [rank, passage] of passages.entries()) {
    const context = coverage(new Set(stemsOf(`${passage.title} ${passage.heading ?? ''}`)), weighted, total)
    const units = byPassage.get(passage.index) ?? []
    const own = units.map((unit) => coverage(unit.stems, weighted, total))
    units.forEach((unit, i) => {
      // The answer often sits next to the sentence that repeats the question's words.
      const near = Math.max(own[i - 1] ?? 0, own[i + 1] ?? 0)
      const words = unit.text.split(/\s+/).length
      let score = (own[i] ?? 0) + NEAR_WEIGHT * near + CONTEXT_WEIGHT * context
      if (valueAsked) score = holdsAnswerKind(kind, unit.text) ? score + KIND_BONUS : score * LACKS_VALUE
      if (words < 4 && unit.kind === 'sentence' && !holdsAnswerKind(kind, unit.text)) score -= 0.15
      unit.score = score + 0.1 * Math.max(0, Math.min(1, passage.score)) - 0.02 * rank - 0.002 * unit.position
    })
  }

  const ranked = [...all].sort((a, b) => b.score - a.score)
  const best = ranked[0]
  if (!best || best.score <= 0) return { units: [], kind, strength: 0 }
  const chosen = new Set<Scored>([best])
  const units = (index: number) => byPassage.get(index) ?? []
  const neighbours = (unit: Scored): Scored[] => {
    const siblings = units(unit.citation)
    const next = siblings[siblings.indexOf(unit) + 1]
    const previous = siblings[siblings.indexOf(unit) - 1]
    const extra: Scored[] = []
    // A sentence that introduces a list ("You will need:") brings the list.
    if (unit.text.trimEnd().endsWith(':')) extra.push(...siblings.filter((s) => s.block === next?.block && s.kind === 'item'))
    // Steps are the whole list the best item belongs to; so is a short list of cases
    // ("Fewer than 3 years: 4 hours", "Between 3 and 15 years: 6 hours"), where the item
    // that shares the question's words is often not the one that answers it.
    if (unit.kind === 'item') {
      const list = siblings.filter((s) => s.block === unit.block)
      const short = list.length <= SHORT_LIST_ITEMS && list.reduce((sum, s) => sum + s.text.length, 0) <= SHORT_LIST_CHARS
      if (kind === 'steps' || short) {
        extra.push(...list)
        const intro = siblings[siblings.indexOf(list[0] ?? unit) - 1]
        if (intro?.kind === 'sentence' && intro.text.trimEnd().endsWith(':')) extra.push(intro)
      }
    }
    // A sentence that leans on the one before ("This applies ...") keeps it.
    if (
      previous &&
      previous.block === unit.block &&
      /^(this|that|these|those|it|they|such|ce|cela|ces|il|elle|ils|elles)\b/i.test(unit.text)
    ) {
      extra.push(previous)
    }
    // A sentence too short to stand alone takes the one after it in its paragraph.
    if (next && next.block === unit.block && unit.kind === 'sentence' && unit.text.length < 80) extra.push(next)
    return extra
  }
  for (const unit of neighbours(best)) chosen.add(unit)
  let chars = [...chosen].reduce((sum, unit) => sum + unit.text.length, 0)
  for (const candidate of ranked.slice(1)) {
    if (chosen.size >= MAX_UNITS || chars >= MAX_CHARS) break
    if (candidate.score < best.score * 0.6 || chosen.has(candidate)) continue
    if ([...chosen].some((unit) => unit.text === candidate.text)) continue
    // A further unit brings what completes it too (the list it introduces or belongs to).
    for (const unit of [candidate, ...neighbours(candidate)]) {
      if (chosen.has(unit)) continue
      chosen.add(unit)
      chars += unit.text.length
    }
  }
  // Question words no passage holds count against the evidence, as the rarest words do.
  const missing = [...asked].filter((stem) => !weighted.has(stem)).length
  const withMissing = total + missing * Math.log(1 + all.length)
  const order = passages.map((passage) => passage.index)
  const picked = [...chosen].sort((a, b) => order.indexOf(a.citation) - order.indexOf(b.citation) || a.position - b.position)
  return {
    units: picked.map(({ stems: _stems, ...unit }) => unit),
    kind,
    strength: Math.min(1, coverage(best.stems, weighted, withMissing) + (valueAsked && holdsAnswerKind(kind, best.text) ? 0.3 : 0)),
  }
}
