import { describe, expect, it } from 'vitest'
import { composeGroundedAnswer, type GroundedAnswerInput } from '@/lib/ai/offline/responder'

const passages: GroundedAnswerInput['passages'] = [
  {
    index: 1,
    title: 'Billing policy',
    content:
      '# Billing\nInvoices are sent on the first day of each month. ' +
      'Unpaid invoices incur a late fee of five percent after thirty days. ' +
      'We accept bank transfer and card payments.',
    score: 0.82,
  },
  {
    index: 2,
    title: 'Studio hours',
    content: 'The studio opens at seven in the morning. Yoga classes meet on Tuesdays and Thursdays.',
    score: 0.41,
  },
]

function input(overrides: Partial<GroundedAnswerInput> = {}): GroundedAnswerInput {
  return {
    question: 'What late fee applies to an unpaid invoice?',
    passages,
    voice: { assistantName: 'Sage', tone: 'warm' },
    reading: { element: 'earth', phase: 1, facetName: 'Earth 1 — Seed of Form', guidance: 'Be concrete.' },
    ...overrides,
  }
}

describe('composeGroundedAnswer', () => {
  it('quotes the sentence that answers the question and cites its passage', () => {
    const answer = composeGroundedAnswer(input())
    expect(answer).toContain('Unpaid invoices incur a late fee of five percent after thirty days. [1]')
    expect(answer).not.toContain('Yoga classes')
  })

  it('picks at least two sentences when the passages offer them', () => {
    const answer = composeGroundedAnswer(input({ question: 'When are invoices sent and what if an invoice is unpaid?' }))
    const citedLines = answer.split('\n').filter((line) => /\[\d+\]$/.test(line))
    expect(citedLines.length).toBeGreaterThanOrEqual(2)
    expect(citedLines.length).toBeLessThanOrEqual(4)
  })

  it('cites each sentence with the index of the passage it came from', () => {
    const answer = composeGroundedAnswer(input({ question: 'When do yoga classes meet, and what is the late fee?' }))
    expect(answer).toContain('Yoga classes meet on Tuesdays and Thursdays. [2]')
    expect(answer).toContain('late fee of five percent after thirty days. [1]')
  })

  it('says plainly that nothing is relevant when the passages do not touch the question', () => {
    const answer = composeGroundedAnswer(input({ question: 'Can I bring my dog to the parking garage?' }))
    expect(answer).toMatch(/knowledge base holds nothing relevant to this question/)
    expect(answer).not.toMatch(/\[\d+\]/)
  })

  it('says nothing is relevant when no passage was retrieved', () => {
    const answer = composeGroundedAnswer(input({ passages: [] }))
    expect(answer).toMatch(/nothing relevant/)
    expect(answer).toMatch(/rephras/)
  })

  it('opens differently for each element of the reading', () => {
    const openers = (['fire', 'water', 'earth', 'air', 'aether'] as const).map((element) => {
      const answer = composeGroundedAnswer(input({ reading: { element, phase: 1, facetName: '', guidance: '' } }))
      return answer.split('\n\n')[0]
    })
    expect(new Set(openers).size).toBe(5)
  })

  it('opens differently for each phase of one element', () => {
    const openers = ([1, 2, 3] as const).map((phase) => {
      const answer = composeGroundedAnswer(input({ reading: { element: 'fire', phase, facetName: '', guidance: '' } }))
      return answer.split('\n\n')[0]
    })
    expect(new Set(openers).size).toBe(3)
  })

  it("frames the answer with the tenant's greeting and sign-off", () => {
    const answer = composeGroundedAnswer(
      input({ voice: { assistantName: 'Sage', tone: 'warm', greeting: 'Hello there.', signoff: 'With care, Sage' } }),
    )
    expect(answer.startsWith('Hello there.')).toBe(true)
    expect(answer.endsWith('With care, Sage')).toBe(true)
  })

  it('labels the answer as offline', () => {
    expect(composeGroundedAnswer(input())).toMatch(/offline mode/)
  })

  it('gives the same answer for the same input', () => {
    expect(composeGroundedAnswer(input())).toBe(composeGroundedAnswer(input()))
  })
})
