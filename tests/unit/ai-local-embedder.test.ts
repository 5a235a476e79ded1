import { describe, expect, it } from 'vitest'
import { EMBEDDING_COLUMN_DIMENSIONS, isZeroVector } from '@/lib/ai/embeddings'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'

const embedder = new LocalEmbedder()

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0)
}

function norm(vector: number[]): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))
}

describe('LocalEmbedder', () => {
  it('returns one vector per text, each as long as it declares', async () => {
    const vectors = await embedder.embed(['first text', 'second text', 'third'])
    expect(vectors).toHaveLength(3)
    for (const vector of vectors) expect(vector).toHaveLength(embedder.dimensions)
    expect(embedder.dimensions).toBeLessThanOrEqual(EMBEDDING_COLUMN_DIMENSIONS)
    expect(embedder.model).toBe('local-hash-v1')
  })

  it('gives the same vector for the same text every time, across instances', async () => {
    const [first] = await embedder.embed(['Invoices are due within thirty days.'])
    const [second] = await new LocalEmbedder().embed(['Invoices are due within thirty days.'])
    expect(second).toEqual(first)
  })

  it('normalises vectors to unit length', () => {
    for (const text of ['one', 'A much longer sentence about billing, refunds and late fees.', 'fee fee fee fee']) {
      expect(norm(embedder.embedOne(text))).toBeCloseTo(1, 10)
    }
  })

  it('places a paraphrase closer to the question than an unrelated text', () => {
    const question = embedder.embedOne('What is the late fee for an unpaid invoice?')
    const related = embedder.embedOne('Unpaid invoices incur a late fee of five percent after thirty days.')
    const unrelated = embedder.embedOne('Our morning yoga class meets in the garden studio on Tuesdays.')
    expect(cosine(question, related)).toBeGreaterThan(cosine(question, unrelated) + 0.2)
  })

  it('matches inflected forms through character grams', () => {
    const query = embedder.embedOne('invoicing')
    expect(cosine(query, embedder.embedOne('invoices'))).toBeGreaterThan(cosine(query, embedder.embedOne('gardening')))
  })

  it('folds case and Unicode compatibility forms before hashing', () => {
    expect(embedder.embedOne('ＰＲＩＣＩＮＧ Plan')).toEqual(embedder.embedOne('pricing plan'))
  })

  it('still embeds a question made only of stopwords', () => {
    expect(isZeroVector(embedder.embedOne('what is it'))).toBe(false)
  })

  it('returns the zero vector for text without letters or digits', () => {
    const vector = embedder.embedOne('  ?! -- ')
    expect(vector).toHaveLength(embedder.dimensions)
    expect(isZeroVector(vector)).toBe(true)
  })
})
