import { describe, expect, it } from 'vitest'
import { stem, tokenize } from '@/lib/engine/tokenize'

describe('engine tokeniser', () => {
  it.each([
    ['feel', 'feels', 'feeling', 'feelings'],
    ['emotion', 'emotions', 'emotional', 'emotionally'],
    ['spirit', 'spiritual', 'spirituality'],
    ['meditate', 'meditating', 'meditation'],
    ['purpose', 'purposes', 'purposeful'],
    ['run', 'running'],
  ])('brings %s and its variants to one stem', (...forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1)
  })

  it('keeps contractions whole and lowercases, including curly apostrophes', () => {
    expect(tokenize('I DON\u2019T know').map((token) => token?.raw)).toEqual(['i', "don't", 'know'])
  })

  it('marks punctuation and "but" as clause breaks', () => {
    const tokens = tokenize('Not sad, but lonely.')
    expect(tokens.map((token) => token?.raw ?? null)).toEqual(['not', 'sad', null, null, 'lonely', null])
  })
})
