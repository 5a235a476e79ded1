import { describe, expect, it } from 'vitest'
import { brandVoiceSchema, elementSchema, elementalSignatureSchema, maiaPersonalitySchema, phaseSchema } from '@/lib/engine'

describe('engine voice schemas', () => {
  it('fill every default from an empty object', () => {
    expect(brandVoiceSchema.parse({})).toEqual({ tone: 'warm', style: 'clear and concise', values: [], suggestedQuestions: [] })
    expect(maiaPersonalitySchema.parse({})).toEqual({
      name: 'Maia',
      responseStyle: 'balanced',
      specialtyAreas: [],
      prohibitedTopics: [],
      phaseGuidance: {},
    })
    expect(elementalSignatureSchema.parse({})).toEqual({ primary: 'aether' })
  })

  it('trim strings and strip unknown keys instead of rejecting them', () => {
    const voice = brandVoiceSchema.parse({ tone: '  playful ', values: [' honesty '], secret: 'x' })
    expect(voice).toEqual({ tone: 'playful', style: 'clear and concise', values: ['honesty'], suggestedQuestions: [] })
    expect('secret' in voice).toBe(false)
  })

  it('reject an unknown element in the signature and in phase guidance', () => {
    expect(elementalSignatureSchema.safeParse({ primary: 'plasma' }).success).toBe(false)
    expect(elementalSignatureSchema.safeParse({ primary: 'fire', secondary: 'metal' }).success).toBe(false)
    expect(maiaPersonalitySchema.safeParse({ phaseGuidance: { plasma: 'glow' } }).success).toBe(false)
    expect(maiaPersonalitySchema.parse({ phaseGuidance: { water: 'Be gentle.' } }).phaseGuidance).toEqual({ water: 'Be gentle.' })
  })

  it('reject overlong strings and oversized lists', () => {
    expect(brandVoiceSchema.safeParse({ tone: 'x'.repeat(501) }).success).toBe(false)
    expect(brandVoiceSchema.safeParse({ tone: 'x'.repeat(500) }).success).toBe(true)
    expect(brandVoiceSchema.safeParse({ values: Array.from({ length: 21 }, (_, i) => `v${i}`) }).success).toBe(false)
    expect(maiaPersonalitySchema.safeParse({ name: 'n'.repeat(81) }).success).toBe(false)
    expect(maiaPersonalitySchema.safeParse({ prohibitedTopics: ['t'.repeat(201)] }).success).toBe(false)
  })

  it('reject empty required text after trimming', () => {
    expect(brandVoiceSchema.safeParse({ tone: '   ' }).success).toBe(false)
    expect(maiaPersonalitySchema.safeParse({ specialtyAreas: [''] }).success).toBe(false)
  })

  it('accept only the five elements and phases 1 to 3', () => {
    expect(elementSchema.safeParse('aether').success).toBe(true)
    expect(elementSchema.safeParse('Fire').success).toBe(false)
    expect(phaseSchema.safeParse(3).success).toBe(true)
    expect(phaseSchema.safeParse(4).success).toBe(false)
    expect(phaseSchema.safeParse('1').success).toBe(false)
  })
})
