import { describe, expect, it } from 'vitest'
import { detectElement, detectPhase, phaseForDepth, type Element, type TurnReading } from '@/lib/engine'
import { NEGATED_FACTOR } from '@/lib/engine/cue-matcher'
import { CUE_WEIGHTS } from '@/lib/engine/lexicon'

const turns = (...elements: Element[]): TurnReading[] => elements.map((element) => ({ element, phase: 1 }))

describe('detectElement: clear examples', () => {
  const examples: [Element, string][] = [
    ['fire', 'I want the courage to chase my dream and launch something bold.'],
    ['water', "I've been so sad and lonely since my divorce."],
    ['earth', 'I need to fix my sleep, my diet and my monthly budget.'],
    ['air', 'Can you explain this concept so I understand the logic behind it?'],
    ['aether', 'I keep asking what the purpose of my existence is and whether my soul has a path.'],
  ]
  it.each(examples)('reads %s in "%s" with high confidence', (element, text) => {
    const detection = detectElement(text)
    expect(detection.element).toBe(element)
    expect(detection.confidence).toBeGreaterThan(0.7)
  })

  it('returns a score for every element and a confidence between 0 and 1', () => {
    const { scores, confidence } = detectElement('I feel stuck with my budget.')
    expect(Object.keys(scores).sort()).toEqual(['aether', 'air', 'earth', 'fire', 'water'])
    expect(confidence).toBeGreaterThanOrEqual(0)
    expect(confidence).toBeLessThanOrEqual(1)
  })

  it('falls back to the aether centre with low confidence when nothing points anywhere', () => {
    expect(detectElement('Okay, and then?')).toMatchObject({ element: 'aether', confidence: 0.2 })
  })

  it('is deterministic', () => {
    const text = 'My partner and I keep arguing about money.'
    expect(detectElement(text)).toEqual(detectElement(text))
  })

  it('matches inflected forms through stemming', () => {
    expect(detectElement('Meditating daily has been transcending everything for me.').element).toBe('aether')
    expect(detectElement('Those feelings of heartbreak again.').element).toBe('water')
  })
})

describe('detectElement: negation', () => {
  it.each([
    ["I don't feel anything anymore", 'I feel everything so deeply'],
    ["I don't feel lonely anymore", 'I feel lonely all the time'],
  ])('weakens a negated cue: "%s" reads far weaker than "%s"', (negated, affirmed) => {
    const numb = detectElement(negated)
    const felt = detectElement(affirmed)
    expect(numb.scores.water).toBeGreaterThan(0)
    expect(numb.scores.water).toBeLessThan(felt.scores.water / 2)
    expect(numb.confidence).toBeLessThan(felt.confidence)
  })

  it('flips the reading when the negated topic would otherwise win', () => {
    expect(detectElement("I'm worried about money and my health, and I wonder about my purpose.").element).toBe('earth')
    expect(detectElement("I'm not worried about money or my health; I wonder about my purpose.").element).toBe('aether')
  })

  it('stops at a clause break, so "not X, but Y" keeps Y at full weight', () => {
    expect(detectElement("I'm not sad, but I am lonely.").scores.water).toBe(CUE_WEIGHTS.strong * NEGATED_FACTOR + CUE_WEIGHTS.strong)
  })
})

describe('detectElement: intensity', () => {
  it('strengthens a cue after very/extremely and softens it after "a bit"', () => {
    const plain = detectElement("I'm sad").scores.water
    expect(detectElement("I'm extremely sad").scores.water).toBeGreaterThan(plain)
    expect(detectElement("I'm a bit sad").scores.water).toBeLessThan(plain)
  })

  it('can tip a mixed message towards the intensified element', () => {
    expect(detectElement("I'm angry and sad").element).toBe('water')
    expect(detectElement("I'm incredibly angry and a bit sad").element).toBe('fire')
  })
})

describe('detectElement: conversation momentum', () => {
  it('carries the recent element into a message with no cues', () => {
    expect(detectElement('Okay, and then?', turns('water', 'water')).element).toBe('water')
    expect(detectElement('Okay, and then?', turns('earth')).element).toBe('earth')
  })

  it('weighs the latest turn more than older ones', () => {
    expect(detectElement('Okay, and then?', turns('fire', 'earth')).element).toBe('earth')
    expect(detectElement('Okay, and then?', turns('earth', 'fire')).element).toBe('fire')
  })

  it('never outweighs a clear cue in the message itself', () => {
    expect(detectElement('My budget is a mess.', turns('water', 'water', 'water', 'water', 'water')).element).toBe('earth')
  })
})

describe('phase detection', () => {
  it.each([
    [1, "I'm just starting out with meditation."],
    [1, 'This is the first time I have tried budgeting.'],
    [2, 'I keep failing at this and I feel stuck.'],
    [2, 'Why does this keep happening in every relationship?'],
    [3, "Looking back, I've learned so much and I want to teach others."],
  ] as const)('reads phase %i from "%s"', (phase, text) => {
    expect(detectElement(text).phase).toBe(phase)
  })

  it('falls back to the conversation depth when the text has no phase cue', () => {
    expect(phaseForDepth(0)).toBe(1)
    expect(phaseForDepth(2)).toBe(1)
    expect(phaseForDepth(3)).toBe(2)
    expect(phaseForDepth(6)).toBe(2)
    expect(phaseForDepth(7)).toBe(3)
    expect(detectElement('Tell me more.', [], { conversationDepth: 4 }).phase).toBe(2)
    expect(detectPhase('Tell me more.', 8)).toBe(3)
  })

  it('uses the history length as depth when no depth is given', () => {
    expect(detectElement('Tell me more.', turns('air', 'air', 'air', 'air', 'air', 'air', 'air', 'air')).phase).toBe(3)
  })

  it('lets a phase cue in the text win over the depth default', () => {
    expect(detectElement('This is the first time I have tried budgeting.', [], { conversationDepth: 9 }).phase).toBe(1)
  })
})
