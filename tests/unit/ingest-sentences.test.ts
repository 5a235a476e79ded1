import { describe, expect, it } from 'vitest'
import { splitSentences } from '@/lib/ingest/sentences'
import { sampleProse } from '../support/fixtures'

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
const segmentAtOnce = (text: string) => Array.from(segmenter.segment(text), ({ segment }) => segment)

describe('splitSentences', () => {
  it('finds the same sentences as segmenting the whole text at once, across many windows', () => {
    const longSentence = `This sentence never ends ${'and goes on '.repeat(600)}until here.`
    const text = [sampleProse(3000, 7), longSentence, sampleProse(500, 9), 'Dr. Smith arrived at 10 a.m. today. Was he late?'].join(' ')
    expect(text.length).toBeGreaterThan(20_000)
    expect(splitSentences(text)).toEqual(segmentAtOnce(text))
  })

  it('gives back the text exactly when its pieces are joined, line breaks included', () => {
    const text = `First line.\nSecond line without end\n\n${sampleProse(800, 3)}\n- a list item\n`
    expect(splitSentences(text).join('')).toBe(text)
  })

  it('handles a single line of a megabyte without running out of memory', () => {
    const line = 'The quick brown fox jumps over the lazy dog. '.repeat(23_000)
    const sentences = splitSentences(line)
    expect(sentences).toHaveLength(23_000)
    expect(sentences.join('')).toBe(line)
  })
})
