import { z } from 'zod'

/** The five elements the engine reads a conversation as; aether is the centre. */
export const ELEMENTS = ['fire', 'water', 'earth', 'air', 'aether'] as const
export type Element = (typeof ELEMENTS)[number]

/** The four elements that have three phases each; aether stands outside the cycle. */
export const CYCLE_ELEMENTS = ['fire', 'water', 'earth', 'air'] as const
export type CycleElement = (typeof CYCLE_ELEMENTS)[number]

export const PHASES = [1, 2, 3] as const
export type Phase = (typeof PHASES)[number]

export const elementSchema = z.enum(ELEMENTS)
export const phaseSchema = z.union([z.literal(1), z.literal(2), z.literal(3)])

export const ELEMENT_DESCRIPTIONS: Record<Element, string> = {
  fire: 'Vision, drive, courage and transformation: what a person wants to create and the will to go after it.',
  water: 'Emotion, feeling, relationships and healing: what a person feels and how they connect with others.',
  earth: 'The body, practical matters, money, structure, routine and grounding: how things get done in the material world.',
  air: 'Thought, clarity, communication, ideas and analysis: how a person understands and expresses things.',
  aether: 'Integration, meaning, spirit and wholeness: the centre that holds the other four together.',
}

export const PHASE_DESCRIPTIONS: Record<Phase, string> = {
  1: 'Initiation and awakening: something is beginning or being noticed for the first time.',
  2: 'Deepening and challenge: the person is in the middle of it, meeting resistance and going deeper.',
  3: 'Integration and mastery: the person is bringing it together, drawing lessons and sharing them.',
}
