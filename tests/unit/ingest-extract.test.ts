import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { extractText } from '@/lib/ingest'
import { makeDocx, makePdf } from '../support/fixtures'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('extractText reads each supported format', () => {
  it('reads every page of a PDF, in order, and titles it after the file', async () => {
    const bytes = await makePdf([
      'Retainer agreements are reviewed every quarter by the partners.',
      'Invoices are payable within thirty days of issue.',
      'Late fees accrue at two percent per month.',
    ])
    const result = await extractText({ filename: 'Client Handbook.pdf', bytes })
    expect(result.format).toBe('pdf')
    expect(result.pages).toBe(3)
    expect(result.title).toBe('Client Handbook')
    expect(result.text).toContain('Retainer agreements are reviewed every quarter')
    expect(result.text.indexOf('thirty days')).toBeGreaterThan(result.text.indexOf('Retainer'))
    expect(result.text.indexOf('two percent')).toBeGreaterThan(result.text.indexOf('thirty days'))
  })

  it('tells the listener as each PDF page starts and once past the last page, so a stall timer stops with the pages', async () => {
    const bytes = await makePdf(['First page of the handbook.', 'Second page of the handbook.'])
    const seen: Array<[number, number]> = []
    await extractText({ filename: 'handbook.pdf', bytes, onPage: (page, pages) => seen.push([page, pages]) })
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
      [3, 2],
    ])
  })

  it('joins PDF lines wrapped by layout back into running sentences', async () => {
    const sentence =
      'This deliberately long sentence about quarterly retainer reviews keeps going well past the width of a single printed line on the page.'
    const { text } = await extractText({ filename: 'wrap.pdf', bytes: await makePdf([sentence]) })
    expect(text).toBe(sentence)
  })

  it('reads a DOCX, keeps its heading as a Markdown heading and takes the title from it', async () => {
    const bytes = await makeDocx([
      { heading: true, text: 'Wellness Programme' },
      { text: 'Morning sessions start at seven.' },
      { text: 'Bring water & a mat.' },
    ])
    const result = await extractText({ filename: 'programme.docx', bytes })
    expect(result.format).toBe('docx')
    expect(result.title).toBe('Wellness Programme')
    expect(result.text).toBe('# Wellness Programme\n\nMorning sessions start at seven.\n\nBring water & a mat.')
    expect(result.pages).toBeUndefined()
  })

  it('reads Markdown and takes the title from its first heading', async () => {
    const markdown = 'Intro line.\r\n\r\n\r\n\r\n## Release Notes ##\r\nVersion 2 ships on Friday.\r\n'
    const result = await extractText({ filename: 'notes.markdown', bytes: utf8(markdown) })
    expect(result.format).toBe('markdown')
    expect(result.title).toBe('Release Notes')
    expect(result.text).toBe('Intro line.\n\n## Release Notes ##\nVersion 2 ships on Friday.')
  })

  it('ignores a # line inside a code fence when choosing the title', async () => {
    const markdown = '```sh\n# install\nnpm ci\n```\n\n# Setup Guide\nRun it.'
    const result = await extractText({ filename: 'setup.md', bytes: utf8(markdown) })
    expect(result.title).toBe('Setup Guide')
  })

  it('reads plain text, normalising to NFC and dropping the byte-order mark', async () => {
    const decomposed = 'Cafe\u0301 opening hours.'
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(decomposed)])
    const result = await extractText({ filename: 'dir/hours.txt', bytes })
    expect(result.format).toBe('text')
    expect(result.title).toBe('hours')
    expect(result.text).toBe('Caf\u00e9 opening hours.')
  })
})

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

describe('extractText rejects files it cannot accept', () => {
  it.each(['setup.exe', 'photo.png', 'README'])('answers 415 for %s', async (filename) => {
    const error = await failure(extractText({ filename, bytes: utf8('hello') }))
    expect(error.status).toBe(415)
    expect(error.code).toBe('unsupported_media_type')
    expect(error.message).toContain('Upload .txt, .md, .pdf or .docx.')
  })

  it('names the unsupported extension in the message', async () => {
    const error = await failure(extractText({ filename: 'photo.PNG', bytes: utf8('x') }))
    expect(error.message).toBe('Files of type .png are not supported. Upload .txt, .md, .pdf or .docx.')
  })

  it('answers 415 for binary content named .txt, because the type is wrong rather than the text unreadable', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const error = await failure(extractText({ filename: 'notes.txt', bytes: png }))
    expect(error.status).toBe(415)
    expect(error.message).toContain('notes.txt')
  })

  it('answers 415 for a .pdf that does not start with %PDF-', async () => {
    const error = await failure(extractText({ filename: 'report.pdf', bytes: utf8('just text') }))
    expect(error.status).toBe(415)
  })

  it('answers 413 naming the file and the limit when the file is over the size limit', async () => {
    const error = await failure(extractText({ filename: 'big.txt', bytes: utf8('a'.repeat(2048)), maxBytes: 1024 }))
    expect(error.status).toBe(413)
    expect(error.code).toBe('payload_too_large')
    expect(error.message).toBe('big.txt is 2 KB; files may be at most 1 KB.')
  })

  it('accepts a file exactly at the size limit', async () => {
    const result = await extractText({ filename: 'edge.txt', bytes: utf8('a'.repeat(1024)), maxBytes: 1024 })
    expect(result.text).toHaveLength(1024)
  })

  it('answers 422 for a damaged PDF', async () => {
    const error = await failure(extractText({ filename: 'broken.pdf', bytes: utf8('%PDF-1.7\n\u0001garbage that is not a pdf') }))
    expect(error.status).toBe(422)
    expect(error.message).toBe('broken.pdf could not be read: the PDF is damaged.')
  })

  it('answers 422 for a damaged DOCX', async () => {
    const error = await failure(extractText({ filename: 'broken.docx', bytes: utf8('PK\u0003\u0004 not really a zip') }))
    expect(error.status).toBe(422)
    expect(error.message).toContain('damaged')
  })

  it.each([
    ['empty.txt', ''],
    ['blank.md', ' \n\n\t\n'],
  ])('answers 422 for %s, which holds no text', async (filename, content) => {
    const error = await failure(extractText({ filename, bytes: utf8(content) }))
    expect(error.status).toBe(422)
    expect(error.code).toBe('unprocessable')
  })

  it('answers 422 for a DOCX with no text in it', async () => {
    const error = await failure(extractText({ filename: 'blank.docx', bytes: await makeDocx([{ text: '' }]) }))
    expect(error.status).toBe(422)
    expect(error.message).toContain('contains no text we can read')
  })
})
