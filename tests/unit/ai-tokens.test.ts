import { Tiktoken } from 'js-tiktoken/lite'
import cl100k_base from 'js-tiktoken/ranks/cl100k_base'
import { describe, expect, it } from 'vitest'
import { countTokens, estimatePromptTokens } from '@/lib/ai/tokens'

// The unguarded encoder, for the exact counts of strings short enough to encode directly.
const exact = new Tiktoken(cl100k_base)
const exactCount = (text: string) => exact.encode(text, [], []).length

/** Letters without a space, pseudo-random but the same on every run. */
function letterRun(length: number): string {
  let seed = 7
  let text = ''
  for (let i = 0; i < length; i += 1) {
    seed = (seed * 48_271) % 2_147_483_647
    text += String.fromCharCode(97 + (seed % 26))
  }
  return text
}

describe('the one tokenizer', () => {
  it('counts ordinary prose exactly', () => {
    const prose = 'Refunds take up to fourteen days once the receipt is shown; gift cards are refunded as store credit. '.repeat(40)
    expect(countTokens(prose)).toBe(exactCount(prose))
  })

  it('counts a long run without spaces in slices: never fewer than the exact count, at most one token more per 64 characters', () => {
    const run = letterRun(1_500)
    const counted = countTokens(run)
    const truth = exactCount(run)
    expect(counted).toBeGreaterThanOrEqual(truth)
    expect(counted - truth).toBeLessThanOrEqual(Math.ceil(run.length / 64))
  })

  it('counts the 8,000-character question without a space like its exact, periodic tokenisation', () => {
    // A run of one letter tokenises periodically, so ten times a tenth of it is its exact count.
    expect(countTokens('x'.repeat(8_000))).toBe(10 * exactCount('x'.repeat(800)))
  })

  it('estimates chat prompts with the same guarded count', () => {
    const question = letterRun(2_000)
    const estimate = estimatePromptTokens([{ role: 'user', content: question }])
    expect(estimate).toBe(3 + 3 + countTokens('user') + countTokens(question))
  })
})
