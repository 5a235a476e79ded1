import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OpenAIEmbedder, type OpenAIEmbedderOptions } from '@/lib/ai/openai/embedder'
import { fakeVector, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai'

let fake: FakeOpenAI

beforeEach(async () => {
  fake = await startFakeOpenAI({ embeddingDimensions: 12 })
})

afterEach(async () => {
  await fake.close()
})

function embedder(options: Partial<OpenAIEmbedderOptions> = {}): OpenAIEmbedder {
  return new OpenAIEmbedder({
    apiKey: 'sk-test',
    baseURL: fake.url,
    model: 'text-embedding-3-small',
    timeoutMs: 2_000,
    maxRetries: 1,
    ...options,
  })
}

describe('OpenAIEmbedder against an OpenAI-compatible server', () => {
  it("returns the server's vectors in input order", async () => {
    const vectors = await embedder({ model: 'nomic-embed-text' }).embed(['alpha', 'beta', 'gamma'])
    expect(vectors).toHaveLength(3)
    vectors.forEach((vector, index) => {
      const expected = fakeVector(['alpha', 'beta', 'gamma'][index] ?? '', 12)
      vector.forEach((value, position) => expect(value).toBeCloseTo(expected[position] ?? Number.NaN, 12))
    })
  })

  it('sends the model and float encoding, and no dimensions unless configured', async () => {
    fake.embeddingDimensions = 1536
    await embedder().embed(['one'])
    const [request] = fake.requestsTo('/v1/embeddings')
    expect(request?.body).toMatchObject({ model: 'text-embedding-3-small', input: ['one'], encoding_format: 'float' })
    expect(request?.body).not.toHaveProperty('dimensions')
    expect(request?.headers.authorization).toBe('Bearer sk-test')
  })

  it('asks for the configured dimensions and reports them', async () => {
    const provider = embedder({ dimensions: 6 })
    const [vector] = await provider.embed(['short'])
    expect(fake.requestsTo('/v1/embeddings')[0]?.body.dimensions).toBe(6)
    expect(vector).toHaveLength(6)
    expect(provider.dimensions).toBe(6)
  })

  it('learns the width of a model it does not know from the first answer', async () => {
    const provider = embedder({ model: 'nomic-embed-text' })
    expect(provider.dimensions).toBe(0)
    await provider.embed(['x'])
    expect(provider.dimensions).toBe(12)
  })

  it('refuses vectors whose width differs from what the model is known to return', async () => {
    await expect(embedder({ model: 'text-embedding-3-small' }).embed(['x'])).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/returned 12 dimensions where 1536 were expected/),
    })
  })

  it('splits 200 texts into batches of 96', async () => {
    const texts = Array.from({ length: 200 }, (_, index) => `chunk number ${index}`)
    const vectors = await embedder({ model: 'nomic-embed-text' }).embed(texts)
    const batches = fake.requestsTo('/v1/embeddings').map((request) => (request.body.input as string[]).length)
    expect(batches).toEqual([96, 96, 8])
    expect(vectors).toHaveLength(200)
    expect(vectors[150]?.[0]).toBeCloseTo(fakeVector('chunk number 150', 12)[0] ?? Number.NaN, 12)
  })

  it('sends no request for an empty list', async () => {
    expect(await embedder().embed([])).toEqual([])
    expect(fake.requests).toHaveLength(0)
  })

  it('retries after a 429 and succeeds', async () => {
    fake.failNext(429, 1)
    const vectors = await embedder({ model: 'nomic-embed-text' }).embed(['retry me'])
    expect(vectors).toHaveLength(1)
    expect(fake.requestsTo('/v1/embeddings')).toHaveLength(2)
  })

  it('gives up after its retries on repeated 500s with an unavailable error', async () => {
    fake.failNext(500, 5)
    await expect(embedder({ maxRetries: 2 }).embed(['x'])).rejects.toMatchObject({
      name: 'AppError',
      code: 'unavailable',
      status: 503,
      message: expect.stringMatching(/^The embedding service is not answering/),
    })
    expect(fake.requestsTo('/v1/embeddings')).toHaveLength(3)
  })

  it('turns a server slower than the timeout into an unavailable error', async () => {
    fake.delayMs = 1_000
    await expect(embedder({ timeoutMs: 100, maxRetries: 0 }).embed(['slow'])).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/did not answer in time/),
    })
  })
})
