import type { Element, Phase } from '@/lib/engine/elements'

/**
 * How the offline answer opens, by the engine's reading: fire moves toward a
 * step, water speaks to feeling, earth gets practical, air clarifies, aether
 * connects. The phase shifts each from beginning, through difficulty, to mastery.
 */
const OPENERS: Record<Element, Record<Phase, string>> = {
  fire: {
    1: 'There is a spark in this question, so let us turn it into a first step.',
    2: 'Keeping the fire going takes steady courage; here is what can help you push on.',
    3: 'You have carried this far; here is what can help you lead with it.',
  },
  water: {
    1: 'Something is stirring here, and it deserves gentle attention.',
    2: 'This touches something deep, so let us take it slowly and with care.',
    3: 'There is healing in how far you have come; here is what supports it.',
  },
  earth: {
    1: 'Let us make this concrete, starting with the practical first step.',
    2: 'Here are the practical pieces that give this a steady structure.',
    3: 'You have built something solid; here is how to keep it growing.',
  },
  air: {
    1: 'Let us bring some clarity to this question.',
    2: 'Let us untangle this and lay the facts out plainly.',
    3: 'Here are the key points, distilled so you can put them into words.',
  },
  aether: {
    1: 'This question touches the bigger picture; here is how the pieces begin to fit.',
    2: 'Let us hold the whole of this together, one piece at a time.',
    3: 'Here is how it all connects.',
  },
}

export function openerFor(element: Element, phase: Phase): string {
  return OPENERS[element][phase]
}
