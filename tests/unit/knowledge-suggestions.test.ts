import { describe, expect, it } from 'vitest'
import { brandVoiceSchema } from '@/lib/engine/voice'
import { questionsFrom } from '@/lib/multi-tenant/knowledge/suggestions'

describe('questionsFrom', () => {
  it('asks about the last heading of a document’s first section, lower-casing an ordinary word', () => {
    expect(questionsFrom([{ title: 'Guest policies', heading: 'Arrival › Check-in times' }])).toEqual([
      'What should I know about check-in times?',
    ])
  })

  it('keeps acronyms and names as written', () => {
    expect(
      questionsFrom([
        { title: 'Privacy', heading: 'GDPR' },
        { title: 'Spa', heading: 'Aurora Cove Spa' },
      ]),
    ).toEqual(['What should I know about GDPR?', 'What should I know about Aurora Cove Spa?'])
  })

  it('asks about the document itself when it has no headings, once per question, at most four', () => {
    const outlines = [
      { title: 'Parking', heading: null },
      { title: 'Parking', heading: null },
      ...['A', 'B', 'C', 'D'].map((title) => ({ title: `Notes ${title}`, heading: null })),
    ]
    expect(questionsFrom(outlines)).toEqual([
      'What does “Parking” cover?',
      'What does “Notes A” cover?',
      'What does “Notes B” cover?',
      'What does “Notes C” cover?',
    ])
  })

  it('suggests nothing without documents', () => {
    expect(questionsFrom([])).toEqual([])
  })
})

describe('brandVoice.suggestedQuestions', () => {
  it('defaults to none, trims each question and refuses a fifth or an empty one', () => {
    expect(brandVoiceSchema.parse({}).suggestedQuestions).toEqual([])
    expect(brandVoiceSchema.parse({ suggestedQuestions: ['  When do you open?  '] }).suggestedQuestions).toEqual(['When do you open?'])
    expect(brandVoiceSchema.safeParse({ suggestedQuestions: ['a', 'b', 'c', 'd', 'e'] }).success).toBe(false)
    expect(brandVoiceSchema.safeParse({ suggestedQuestions: ['  '] }).success).toBe(false)
  })
})
