import type { Element, Phase } from '@/lib/engine/elements'

/**
 * How the offline answer opens. The tenant's voice comes first: a formal or businesslike
 * tone gets a plain opener whatever the reading, since a law firm's fee question must not
 * open with a meditation. Warmer tones open by the engine's reading: fire moves toward a
 * step, water speaks to feeling, earth gets practical, air clarifies, aether connects; the
 * phase shifts each from beginning, through difficulty, to mastery. Weak evidence always
 * opens by saying so.
 */
const OPENERS: Record<Element, Record<Phase, string>> = {
  fire: {
    1: 'Here is a first step you can take, from what we have written down.',
    2: 'Here is what can help you keep going.',
    3: 'You have come a long way; here is what can help you lead with it.',
  },
  water: {
    1: 'Let us take this gently; here is what our knowledge says.',
    2: 'Let us take this slowly and with care.',
    3: 'You have come far; here is what supports you.',
  },
  earth: {
    1: 'Let us make this concrete.',
    2: 'Here are the practical pieces.',
    3: 'Here is how to keep what you have built growing.',
  },
  air: {
    1: 'Let us bring some clarity to this question.',
    2: 'Let us lay the facts out plainly.',
    3: 'Here are the key points, distilled.',
  },
  aether: {
    1: 'Here is how the pieces begin to fit.',
    2: 'Let us hold the whole of this together, one piece at a time.',
    3: 'Here is how it all connects.',
  },
}

const FORMAL_TONE =
  /\b(formal|professional|precise|authoritative|legal|corporate|business|crisp|concise|direct|technical|neutral|factual|clear|efficient|serious|sober)/i

const PLAIN = 'Here is what our documentation says.'
const WEAK = 'I found no passage that answers this directly. The closest the knowledge base comes is:'

export function openerFor(tone: string, element: Element, phase: Phase, weakEvidence: boolean): string {
  if (weakEvidence) return WEAK
  return FORMAL_TONE.test(tone) ? PLAIN : OPENERS[element][phase]
}
