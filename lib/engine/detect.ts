import { compileCues, matchCues, sumHits } from './cue-matcher'
import { ELEMENTS, PHASES, type Element, type Phase } from './elements'
import { ELEMENT_CUES, PHASE_CUES } from './lexicon'
import { tokenize, type Token } from './tokenize'

export interface Detection {
  element: Element
  phase: Phase
  /** 0..1; low when nothing in the text pointed anywhere or two elements ran close. */
  confidence: number
  /** Cue scores plus momentum, per element. */
  scores: Record<Element, number>
}

/** An earlier turn's reading, oldest first. */
export interface TurnReading {
  element: Element
  phase: Phase
}

export interface DetectOptions {
  /** How many turns the conversation has had; defaults to the history length. */
  conversationDepth?: number
}

/** Momentum: the latest turn adds this much to its element, each older turn half as much. */
const MOMENTUM_WEIGHT = 0.75
const MOMENTUM_DECAY = 0.5
const MOMENTUM_TURNS = 5
/** Aether takes over when it has cues of its own and trails the leader by less than one weak cue. */
const CLEAR_MARGIN = 1
const NO_SIGNAL_CONFIDENCE = 0.2

const elementIndex = compileCues(ELEMENTS, ELEMENT_CUES)
const phaseIndex = compileCues(PHASES, PHASE_CUES)

function momentumPrior(history: readonly TurnReading[]): Record<Element, number> {
  const prior = sumHits(ELEMENTS, [])
  const recent = history.slice(-MOMENTUM_TURNS).reverse()
  recent.forEach((turn, age) => {
    prior[turn.element] += MOMENTUM_WEIGHT * MOMENTUM_DECAY ** age
  })
  return prior
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

function pickElement(scores: Record<Element, number>, aetherCues: number): Element {
  const [leader] = [...ELEMENTS].sort((a, b) => scores[b] - scores[a])
  if (!leader || scores[leader] <= 0) return 'aether'
  const spiritualAndClose = aetherCues > 0 && scores[leader] - scores.aether < CLEAR_MARGIN
  return spiritualAndClose ? 'aether' : leader
}

function confidenceOf(scores: Record<Element, number>, element: Element): number {
  const own = scores[element]
  if (own <= 0) return NO_SIGNAL_CONFIDENCE
  const bestOther = Math.max(...ELEMENTS.filter((other) => other !== element).map((other) => scores[other]))
  const lead = Math.min(1, Math.max(0, (own - bestOther) / own))
  const strength = 1 - Math.exp(-own / 3)
  return round(Math.min(0.95, NO_SIGNAL_CONFIDENCE + 0.75 * strength * lead))
}

/** The phase a conversation of this many turns is in when the text itself gives no cue. */
export function phaseForDepth(conversationDepth: number): Phase {
  if (conversationDepth >= 7) return 3
  if (conversationDepth >= 3) return 2
  return 1
}

function phaseFromTokens(tokens: (Token | null)[], conversationDepth: number): Phase {
  const scores = sumHits(PHASES, matchCues(tokens, phaseIndex))
  const fallback = phaseForDepth(conversationDepth)
  const best = Math.max(...PHASES.map((phase) => scores[phase]))
  if (best <= 0) return fallback
  const tied = PHASES.filter((phase) => scores[phase] === best)
  // On a tie the depth of the conversation decides, else the later phase (struggle outranks novelty).
  return tied.includes(fallback) ? fallback : (tied.at(-1) ?? fallback)
}

export function detectPhase(input: string, conversationDepth = 0): Phase {
  return phaseFromTokens(tokenize(input), conversationDepth)
}

/** Deterministic, offline reading of one message in the light of the turns before it. */
export function detectElement(input: string, history: readonly TurnReading[] = [], options: DetectOptions = {}): Detection {
  const tokens = tokenize(input)
  const cueScores = sumHits(ELEMENTS, matchCues(tokens, elementIndex))
  const prior = momentumPrior(history)
  const scores = sumHits(ELEMENTS, [])
  for (const element of ELEMENTS) scores[element] = round(cueScores[element] + prior[element])

  const element = pickElement(scores, cueScores.aether)
  const phase = phaseFromTokens(tokens, options.conversationDepth ?? history.length)
  return { element, phase, confidence: confidenceOf(scores, element), scores }
}
