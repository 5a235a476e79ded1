import { Tiktoken } from 'js-tiktoken/lite'
import cl100k_base from 'js-tiktoken/ranks/cl100k_base'
import { describe, expect, it } from 'vitest'
import { chunkText, type Chunk } from '@/lib/ingest'

const encoder = new Tiktoken(cl100k_base)
const tokens = (text: string) => encoder.encode(text).length
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Numbered sentences, so any repeated text between chunks is real overlap, never coincidence. */
function numberedSentences(label: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `The ${label} clause number ${i + 1} explains how fees are reviewed.`).join(' ')
}

/** Length of the longest start of `next` that is also the end of `previous`. */
function sharedLength(previous: string, next: string): number {
  for (let length = Math.min(previous.length, next.length); length > 0; length -= 1) {
    if (previous.endsWith(next.slice(0, length))) return length
  }
  return 0
}

describe('chunkText', () => {
  it('never lets a chunk span two sections and records each section heading path', () => {
    const text = [
      'Preface before any heading.',
      `# Alpha\n\n${numberedSentences('alpha', 40)}`,
      `## Bravo\n\n${numberedSentences('bravo', 40)}`,
    ].join('\n\n')
    const chunks = chunkText(text, { maxTokens: 120, overlapTokens: 20 })

    expect(chunks[0]).toEqual({ index: 0, content: 'Preface before any heading.', tokenCount: tokens('Preface before any heading.') })
    for (const chunk of chunks.slice(1)) {
      const label = chunk.heading === 'Alpha' ? 'alpha' : 'bravo'
      const other = label === 'alpha' ? 'bravo' : 'alpha'
      expect(['Alpha', 'Alpha › Bravo']).toContain(chunk.heading)
      expect(chunk.content).toContain(`The ${label} clause`)
      expect(chunk.content.toLowerCase()).not.toContain(other)
    }
    expect(chunks.filter((chunk) => chunk.heading === 'Alpha').length).toBeGreaterThan(2)
    expect(chunks.find((chunk) => chunk.heading === 'Alpha › Bravo')?.content.startsWith('## Bravo\n\nThe bravo clause number 1 ')).toBe(
      true,
    )
  })

  it('keeps every chunk within maxTokens and reports its exact token count', () => {
    const text = `# Terms\n\n${numberedSentences('terms', 120)}\n\n${'- list item with words\n'.repeat(40)}`
    for (const maxTokens of [40, 120, 300]) {
      for (const chunk of chunkText(text, { maxTokens, overlapTokens: Math.floor(maxTokens / 5) })) {
        expect(chunk.tokenCount).toBe(tokens(chunk.content))
        expect(chunk.tokenCount).toBeLessThanOrEqual(maxTokens)
      }
    }
  })

  it('repeats whole trailing sentences of a chunk at the start of the next one in a long section', () => {
    const chunks = chunkText(numberedSentences('overlap', 60), { maxTokens: 100, overlapTokens: 30 })
    expect(chunks.length).toBeGreaterThan(3)
    for (let i = 1; i < chunks.length; i += 1) {
      const previous = (chunks[i - 1] as Chunk).content
      const next = (chunks[i] as Chunk).content
      const shared = next.slice(0, sharedLength(previous, next))
      expect(shared).toMatch(/^The overlap clause number \d+ .*reviewed\.$/)
      expect(tokens(shared)).toBeLessThanOrEqual(30)
    }
  })

  it('loses no text and repeats none when overlap is off', () => {
    const text = `Intro paragraph here.\n\n# One\n\n${numberedSentences('one', 50)}\n\nSecond paragraph of one.\n\n# Two\n\n${numberedSentences('two', 30)}`
    const chunks = chunkText(text, { maxTokens: 80, overlapTokens: 0 })
    expect(squash(chunks.map((chunk) => chunk.content).join(' '))).toBe(squash(text))
  })

  it('keeps a paragraph that fits in one chunk whole instead of splitting it at the chunk boundary', () => {
    const paragraphs = Array.from({ length: 8 }, (_, p) => numberedSentences(`para${p}`, 5))
    const chunks = chunkText(paragraphs.join('\n\n'), { maxTokens: 200, overlapTokens: 0 })
    for (const paragraph of paragraphs) {
      expect(chunks.some((chunk) => chunk.content.includes(paragraph))).toBe(true)
    }
  })

  it('splits a single sentence longer than maxTokens by tokens, losing nothing', () => {
    const words = Array.from({ length: 900 }, (_, i) => `word${i}`)
    const chunks = chunkText(words.join(' '), { maxTokens: 100, overlapTokens: 20 })
    expect(chunks.length).toBeGreaterThan(5)
    for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(100)
    expect(chunks.map((chunk) => chunk.content).join(' ')).toBe(words.join(' '))
  })

  it('cuts a run of thousands of characters without whitespace into chunks that fit, losing nothing', () => {
    const run = 'abcdefghij'.repeat(1_000)
    const chunks = chunkText(run, { maxTokens: 120, overlapTokens: 20 })
    expect(chunks.length).toBeGreaterThan(3)
    for (const chunk of chunks) expect(tokens(chunk.content)).toBeLessThanOrEqual(120)
    expect(chunks.map((chunk) => chunk.content).join('')).toBe(run)
  })

  it('cuts long text without spaces between characters, never inside one', () => {
    const text = '東京の天気は晴れです😀ñandú'.repeat(200)
    const chunks = chunkText(text, { maxTokens: 64, overlapTokens: 8 })
    expect(chunks.length).toBeGreaterThan(5)
    expect(chunks.some((chunk) => chunk.content.includes('\uFFFD'))).toBe(false)
    expect(chunks.map((chunk) => chunk.content).join('')).toBe(text)
  })

  it('splits Unicode prose at its own sentence ends', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `これは${i + 1}番目の文です。`)
    const chunks = chunkText(sentences.join(''), { maxTokens: 60, overlapTokens: 0 })
    expect(chunks.length).toBeGreaterThan(1)
    for (const chunk of chunks) expect(chunk.content.endsWith('文です。')).toBe(true)
  })

  it('does not start a section at a # line inside a code fence', () => {
    const text = '# Install\n\n```sh\n# fetch dependencies\nnpm ci\n```\n\nThen start it.'
    const chunks = chunkText(text)
    expect(chunks).toHaveLength(1)
    expect(chunks[0]?.heading).toBe('Install')
  })

  it('drops headings with nothing under them and never returns empty chunks', () => {
    const chunks = chunkText('# Title\n\n## Empty\n\n\n\n## Filled\nSome words.\n\n   \n')
    expect(chunks).toEqual([
      { index: 0, content: '## Filled\nSome words.', tokenCount: tokens('## Filled\nSome words.'), heading: 'Title › Filled' },
    ])
    expect(chunkText('  \n\n ')).toEqual([])
  })

  it('closes a heading path at a heading of the same or a higher level', () => {
    const chunks = chunkText('# Guide\n\n## Leave\n\nText one.\n\n### Sick leave\n\nText two.\n\n## Travel\n\nText three.')
    expect(chunks.map((chunk) => chunk.heading)).toEqual(['Guide › Leave', 'Guide › Leave › Sick leave', 'Guide › Travel'])
  })

  it('keeps a table whole, as one unit, however many sentences its cells hold', () => {
    const table =
      '| Plan | Price. Per month. |\n| --- | --- |\n| Basic. Small. | 10 €. Billed yearly. |\n| Pro. Big. | 30 €. Billed monthly. |'
    const chunks = chunkText(`# Prices\n\nIntro sentence one. Intro sentence two.\n\n${table}\n\nAfter the table.`)
    expect(chunks.some((chunk) => chunk.content.includes(table))).toBe(true)
  })

  it('repeats the header row in every part of a table too long for one chunk', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| item ${i} | value number ${i} with some words |`)
    const chunks = chunkText(`| Item | Value |\n| --- | --- |\n${rows.join('\n')}`, { maxTokens: 120, overlapTokens: 0 })
    expect(chunks.length).toBeGreaterThan(2)
    for (const chunk of chunks) expect(chunk.content.startsWith('| Item | Value |\n| --- | --- |\n| item')).toBe(true)
    expect(
      chunks
        .map((chunk) => chunk.content)
        .join('\n')
        .match(/\| item \d+ \|/g),
    ).toHaveLength(60)
  })

  it('keeps a fenced code block with blank lines in it in one piece', () => {
    const code = '```js\nconst a = 1\n\nconst b = 2. Then more.\n```'
    const chunks = chunkText(`Before.\n\n${code}\n\nAfter.`)
    expect(chunks[0]?.content).toContain(code)
  })

  it('numbers chunks consecutively from zero across sections', () => {
    const text = `# A\n\n${numberedSentences('a', 30)}\n\n# B\n\n${numberedSentences('b', 30)}`
    expect(chunkText(text, { maxTokens: 100 }).map((chunk) => chunk.index)).toEqual(chunkText(text, { maxTokens: 100 }).map((_, i) => i))
  })

  it('returns the same chunks for the same input', () => {
    const text = `# Same\n\n${numberedSentences('same', 80)}\n\n${'x'.repeat(3000)}`
    expect(chunkText(text, { maxTokens: 90, overlapTokens: 25 })).toEqual(chunkText(text, { maxTokens: 90, overlapTokens: 25 }))
  })

  it('treats special-token text such as <|endoftext|> as ordinary words', () => {
    const text = 'Models end a sample with <|endoftext|> when they are done.'
    expect(chunkText(text)).toEqual([{ index: 0, content: text, tokenCount: encoder.encode(text, [], []).length }])
  })

  it('rejects an overlap as large as the chunk itself', () => {
    expect(() => chunkText('text', { maxTokens: 50, overlapTokens: 50 })).toThrow(RangeError)
  })
})
