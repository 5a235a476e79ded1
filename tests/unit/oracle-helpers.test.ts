import { countTokens } from '@/lib/ai/tokens'
import { describe, expect, it } from 'vitest'
import { conversationTitle } from '@/lib/multi-tenant/conversations/threads'
import { estimateExchangeTokens, MAX_ANSWER_TOKENS } from '@/lib/multi-tenant/oracle/answer'
import { oracleRequestSchema } from '@/lib/contracts/oracle'
import { nextPeriodStart, secondsToNextPeriod } from '@/lib/multi-tenant/usage/usage'

describe('conversationTitle', () => {
  it('keeps a short first question as it is, on one line', () => {
    expect(conversationTitle('  How do   refunds\nwork?  ')).toBe('How do refunds work?')
  })

  it('cuts a long question at a word boundary near 60 characters and marks the cut', () => {
    const title = conversationTitle('I would like to understand how the refund policy applies to subscriptions bought during a promotion')
    expect(title.length).toBeLessThanOrEqual(61)
    expect(title.endsWith('…')).toBe(true)
    expect(title).toBe('I would like to understand how the refund policy applies to…')
  })
})

describe('monthly periods', () => {
  it('resets at the first instant of the next month, UTC', () => {
    expect(nextPeriodStart(new Date('2026-11-23T10:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z')
    expect(nextPeriodStart(new Date('2026-12-31T23:59:59Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z')
  })

  it('gives Retry-After as the seconds until then, at least one', () => {
    expect(secondsToNextPeriod(new Date('2026-11-30T23:00:00Z'))).toBe(3600)
    expect(secondsToNextPeriod(new Date('2026-11-30T23:59:59.900Z'))).toBe(1)
  })
})

describe('estimateExchangeTokens', () => {
  it('reserves room for the whole answer and grows with the question and the history', () => {
    const short = estimateExchangeTokens(countTokens('Hi'), [], 5)
    const longer = estimateExchangeTokens(countTokens('Hi '.repeat(200)), [], 5)
    const withHistory = estimateExchangeTokens(countTokens('Hi'), [{ role: 'user', content: 'An earlier question '.repeat(50) }], 5)
    expect(short).toBeGreaterThan(MAX_ANSWER_TOKENS)
    expect(longer).toBeGreaterThan(short)
    expect(withHistory).toBeGreaterThan(short)
  })
})

describe('oracleRequestSchema', () => {
  it('trims the input and accepts 1..8000 characters', () => {
    expect(oracleRequestSchema.parse({ input: '  hello  ' }).input).toBe('hello')
    expect(oracleRequestSchema.safeParse({ input: 'x'.repeat(8000) }).success).toBe(true)
  })

  it('refuses empty, blank, too long and malformed requests', () => {
    for (const body of [{ input: '' }, { input: '   ' }, { input: 'x'.repeat(8001) }, {}, { input: 'hi', conversationId: 'abc' }]) {
      expect(oracleRequestSchema.safeParse(body).success).toBe(false)
    }
  })
})
