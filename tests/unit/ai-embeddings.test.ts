import { describe, expect, it } from 'vitest'
import { EMBEDDING_COLUMN_DIMENSIONS, isZeroVector, padToColumn, toPgVector } from '@/lib/ai/embeddings'
import { AppError } from '@/lib/errors'

function cosine(a: number[], b: number[]): number {
  const dot = a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0)
  const norm = (v: number[]) => Math.sqrt(v.reduce((sum, value) => sum + value * value, 0))
  return dot / (norm(a) * norm(b))
}

describe('padToColumn', () => {
  it('zero-pads a shorter vector to the column width', () => {
    const padded = padToColumn([0.5, -0.25, 1])
    expect(padded).toHaveLength(EMBEDDING_COLUMN_DIMENSIONS)
    expect(padded.slice(0, 3)).toEqual([0.5, -0.25, 1])
    expect(padded.slice(3).every((value) => value === 0)).toBe(true)
  })

  it('leaves cosine similarity unchanged', () => {
    const a = [0.1, 0.7, -0.3, 0.2]
    const b = [0.4, 0.1, 0.5, -0.6]
    expect(cosine(padToColumn(a), padToColumn(b))).toBeCloseTo(cosine(a, b), 12)
  })

  it('keeps a full-width vector as it is', () => {
    const full = Array.from({ length: EMBEDDING_COLUMN_DIMENSIONS }, (_, index) => index / 10)
    expect(padToColumn(full)).toEqual(full)
  })

  it('rejects a vector wider than the column as bad_request', () => {
    const tooWide = new Array<number>(EMBEDDING_COLUMN_DIMENSIONS + 1).fill(0.1)
    expect(() => padToColumn(tooWide)).toThrow(expect.objectContaining({ name: 'AppError', code: 'bad_request' }))
  })
})

describe('toPgVector', () => {
  it("writes pgvector's text form", () => {
    expect(toPgVector([1, 2, 3])).toBe('[1,2,3]')
    expect(toPgVector([0.5, -0.25])).toBe('[0.5,-0.25]')
  })

  it('refuses values pgvector cannot store', () => {
    expect(() => toPgVector([1, Number.NaN])).toThrow(AppError)
    expect(() => toPgVector([Number.POSITIVE_INFINITY])).toThrow(AppError)
  })
})

describe('isZeroVector', () => {
  it('tells the zero vector from any other', () => {
    expect(isZeroVector([0, 0, 0])).toBe(true)
    expect(isZeroVector([0, 1e-9, 0])).toBe(false)
  })
})
