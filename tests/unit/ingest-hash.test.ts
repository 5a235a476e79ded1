import { describe, expect, it } from 'vitest'
import { contentHash } from '@/lib/ingest'

describe('contentHash', () => {
  it('gives the same hash to the same text laid out with different whitespace', () => {
    const a = 'Invoices are due\nwithin thirty days.\n\n\nLate fees apply.'
    const b = '  Invoices are due within   thirty days.\r\n\tLate fees apply.  \n'
    expect(contentHash(a)).toBe(contentHash(b))
  })

  it('gives the same hash to composed and decomposed accents', () => {
    expect(contentHash('Caf\u00e9')).toBe(contentHash('Cafe\u0301'))
  })

  it('gives different hashes to different words', () => {
    expect(contentHash('Late fees apply.')).not.toBe(contentHash('Late fees do not apply.'))
  })

  it('is a sha256 hex digest', () => {
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
