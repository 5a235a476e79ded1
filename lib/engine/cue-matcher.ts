import { CUE_WEIGHTS, DIMINISHERS, FUNCTION_WORDS, INTENSIFIERS, NEGATORS, type CueGroups } from './lexicon'
import { tokenize, type Token } from './tokenize'

/*
 * Turns a cue lexicon into scores. Matching is on stems, longest phrase first, so
 * "burning desire" counts once rather than also as "burning" and "desire".
 */

/** A negated cue still says something about the topic ("I can't pay my rent" is about money), so it counts less instead of flipping. */
export const NEGATED_FACTOR = 0.25
export const INTENSIFIED_FACTOR = 1.5
export const DIMINISHED_FACTOR = 0.6
const NEGATION_REACH = 3
const MODIFIER_REACH = 2

interface Cue<L> {
  label: L
  /** Token patterns; "=word" matches the exact word, anything else matches the stem. */
  pattern: string[]
  weight: number
}

export interface CueHit<L> {
  label: L
  /** The cue's weight after negation and intensity. */
  weight: number
}

export type CueIndex<L> = Map<string, Cue<L>[]>

function patternOf(cue: string): string[] {
  if (cue.startsWith('=')) return [cue]
  return tokenize(cue).flatMap((token) => (token ? [token.stem] : []))
}

function keyOf(part: string): string {
  return part.startsWith('=') ? part.slice(1) : part
}

/** Builds an index from first token to the cues that start with it, longest first. */
export function compileCues<L extends string | number>(labels: readonly L[], lexicon: Record<L, CueGroups>): CueIndex<L> {
  const index: CueIndex<L> = new Map()
  for (const label of labels) {
    const groups = lexicon[label]
    for (const strength of Object.keys(CUE_WEIGHTS) as (keyof CueGroups)[]) {
      for (const cue of groups[strength] ?? []) {
        const pattern = patternOf(cue)
        const first = pattern[0]
        if (first === undefined) continue
        const bucket = index.get(keyOf(first)) ?? []
        bucket.push({ label, pattern, weight: CUE_WEIGHTS[strength] })
        index.set(keyOf(first), bucket)
      }
    }
  }
  // Longest first, then strongest: when two spellings share a stem the stronger one counts.
  for (const bucket of index.values()) {
    bucket.sort((a, b) => b.pattern.length - a.pattern.length || b.weight - a.weight)
  }
  return index
}

const negators = new Set(NEGATORS)
const intensifiers = new Set(INTENSIFIERS)
const diminishers = new Set(DIMINISHERS)
const functionWords = new Set(FUNCTION_WORDS)

function partMatches(part: string, token: Token | null | undefined): boolean {
  if (!token) return false
  return part.startsWith('=') ? token.raw === part.slice(1) : token.stem === part
}

function isNegated(tokens: (Token | null)[], at: number): boolean {
  let contentSeen = 0
  for (let i = at - 1; i >= 0 && contentSeen < NEGATION_REACH; i -= 1) {
    const token = tokens[i]
    if (!token) return false
    if (negators.has(token.raw)) return true
    if (!functionWords.has(token.raw)) contentSeen += 1
  }
  return false
}

/** The nearest intensifier or diminisher just before the cue, within its clause. */
function intensityAt(tokens: (Token | null)[], at: number): number {
  for (let i = at - 1; i >= Math.max(0, at - MODIFIER_REACH); i -= 1) {
    const token = tokens[i]
    if (!token) return 1
    if (intensifiers.has(token.raw)) return INTENSIFIED_FACTOR
    if (diminishers.has(token.raw)) return DIMINISHED_FACTOR
  }
  return 1
}

/** Every cue occurrence in the text, with negation and intensity already applied to its weight. */
export function matchCues<L>(tokens: (Token | null)[], index: CueIndex<L>): CueHit<L>[] {
  const hits: CueHit<L>[] = []
  let at = 0
  while (at < tokens.length) {
    const token = tokens[at]
    const candidates = token ? [...(index.get(token.stem) ?? []), ...(index.get(token.raw) ?? [])] : []
    const matched = candidates
      .filter((cue) => cue.pattern.every((part, offset) => partMatches(part, tokens[at + offset])))
      .sort((a, b) => b.weight - a.weight)
    const length = Math.max(0, ...matched.map((cue) => cue.pattern.length))
    if (length === 0) {
      at += 1
      continue
    }
    const factor = (isNegated(tokens, at) ? NEGATED_FACTOR : 1) * intensityAt(tokens, at)
    const seen = new Set<L>()
    for (const cue of matched) {
      // One occurrence scores once per label, at its strongest, when two spellings meet one word.
      if (cue.pattern.length !== length || seen.has(cue.label)) continue
      seen.add(cue.label)
      hits.push({ label: cue.label, weight: cue.weight * factor })
    }
    at += length
  }
  return hits
}

/** Sums hit weights per label, starting every label at zero. */
export function sumHits<L extends string | number>(labels: readonly L[], hits: CueHit<L>[]): Record<L, number> {
  const totals = Object.fromEntries(labels.map((label) => [label, 0])) as Record<L, number>
  for (const hit of hits) totals[hit.label] += hit.weight
  return totals
}
