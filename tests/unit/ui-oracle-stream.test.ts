import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/lib/client/api-error'
import { streamOracle } from '@/lib/client/oracle-stream'
import type { OracleDone, OracleMeta } from '@/lib/contracts/oracle'

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

const meta: OracleMeta = {
  element: 'earth',
  phase: 1,
  facet: { id: 'earth-1', name: 'Earth 1 — Seed of Form' },
  knowledgeSources: [{ id: 'c1', knowledgeId: 'k1', title: 'Policies', snippet: 'Check-in 3 pm', score: 0.71 }],
  conversationId: 'conv-1',
  offline: true,
}

const done: OracleDone = {
  usage: { promptTokens: 0, completionTokens: 12, totalTokens: 12, offline: true },
  messageId: 'msg-1',
  questionId: 'msg-0',
}

function respondWith(response: Response) {
  const fetchMock = vi.fn(async () => response)
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

function sseResponse(chunks: string[]): Response {
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
  return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } })
}

function collector() {
  const seen: { meta: OracleMeta[]; text: string; done: OracleDone[] } = { meta: [], text: '', done: [] }
  return {
    seen,
    handlers: {
      onMeta: (value: OracleMeta) => seen.meta.push(value),
      onToken: (text: string) => (seen.text += text),
      onDone: (value: OracleDone) => seen.done.push(value),
    },
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('streamOracle', () => {
  it('asks for an event stream and hands meta, tokens and done to the handlers', async () => {
    const whole =
      frame('meta', meta) + frame('token', { text: 'Check-in ' }) + frame('token', { text: 'is at 3 pm [1].' }) + frame('done', done)
    const fetchMock = respondWith(sseResponse([whole.slice(0, 40), whole.slice(40, 130), whole.slice(130)]))
    const { seen, handlers } = collector()

    await streamOracle('acme', { input: 'When is check-in?' }, handlers)

    const init = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(init[0]).toBe('/api/tenant/acme/oracle')
    expect(new Headers(init[1].headers).get('accept')).toBe('text/event-stream')
    expect(seen.meta[0]).toMatchObject({
      element: 'earth',
      phase: 1,
      facet: { id: 'earth-1', name: 'Earth 1 — Seed of Form' },
      conversationId: 'conv-1',
      offline: true,
    })
    expect(seen.meta[0]?.knowledgeSources[0]).toMatchObject({ title: 'Policies', score: 0.71 })
    expect(seen.text).toBe('Check-in is at 3 pm [1].')
    expect(seen.done).toEqual([done])
  })

  it('turns a 429 before the stream into an ApiError carrying Retry-After', async () => {
    respondWith(
      Response.json(
        { error: { code: 'limit_reached', message: 'Monthly conversation limit reached.' } },
        { status: 429, headers: { 'retry-after': '3600' } },
      ),
    )
    const error = await streamOracle('acme', { input: 'hi' }, collector().handlers).catch((cause: unknown) => cause)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 429, code: 'limit_reached', retryAfterSeconds: 3600 })
  })

  it('throws the error event of a stream that fails half way', async () => {
    respondWith(sseResponse([frame('meta', meta), frame('error', { code: 'unavailable', message: 'The model went away.' })]))
    await expect(streamOracle('acme', { input: 'hi' }, collector().handlers)).rejects.toMatchObject({
      code: 'unavailable',
      message: 'The model went away.',
    })
  })

  it('carries the wait of an error event that is a limit', async () => {
    respondWith(sseResponse([frame('meta', meta), frame('error', { code: 'rate_limited', message: 'Slow down.', retryAfterSeconds: 30 })]))
    await expect(streamOracle('acme', { input: 'hi' }, collector().handlers)).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 30,
    })
  })

  it('reports a stream that ends without done as cut off', async () => {
    respondWith(sseResponse([frame('token', { text: 'partial' })]))
    await expect(streamOracle('acme', { input: 'hi' }, collector().handlers)).rejects.toMatchObject({ code: 'network', message: /cut off/ })
  })

  it('accepts a JSON answer from a server that does not stream', async () => {
    respondWith(Response.json({ ...meta, response: 'Whole answer', ...done }))
    const { seen, handlers } = collector()
    await streamOracle('acme', { input: 'hi' }, handlers)
    expect(seen.meta).toEqual([meta])
    expect(seen.text).toBe('Whole answer')
    expect(seen.done).toEqual([done])
  })

  it.each([
    ['meta missing its reading', frame('meta', { element: 'air', phase: 2 })],
    ['meta naming the facet by its name only', frame('meta', { ...meta, facet: 'Earth 1 — Seed of Form' })],
    ['meta with a key the contract does not name', frame('meta', { ...meta, mood: 'calm' })],
    [
      'a source without its document',
      frame('meta', { ...meta, knowledgeSources: [{ id: 'c1', title: 'Policies', snippet: '', score: 1 }] }),
    ],
    ['done without usage', frame('meta', meta) + frame('done', { messageId: 'msg-1' })],
    ['an error event without its code', frame('meta', meta) + frame('error', { message: 'Gone.' })],
  ])('refuses %s as a contract error', async (_label, body) => {
    respondWith(sseResponse([body]))
    await expect(streamOracle('acme', { input: 'hi' }, collector().handlers)).rejects.toMatchObject({ code: 'contract' })
  })

  it('refuses a JSON answer that breaks the contract', async () => {
    respondWith(Response.json({ ...meta, facet: 'Fire 3', response: 'Whole answer', usage: null, messageId: null }))
    await expect(streamOracle('acme', { input: 'hi' }, collector().handlers)).rejects.toMatchObject({ code: 'contract' })
  })

  it('reports data that is not JSON as garbled', async () => {
    respondWith(sseResponse(['event: meta\ndata: {oops\n\n']))
    await expect(streamOracle('acme', { input: 'hi' }, collector().handlers)).rejects.toMatchObject({ code: 'bad_stream' })
  })
})
