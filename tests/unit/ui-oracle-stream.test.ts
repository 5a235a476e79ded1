import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/lib/client/api-error'
import type { OracleDone, OracleMeta } from '@/lib/client/oracle-events'
import { streamOracle } from '@/lib/client/oracle-stream'

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

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
      onMeta: (meta: OracleMeta) => seen.meta.push(meta),
      onToken: (text: string) => (seen.text += text),
      onDone: (done: OracleDone) => seen.done.push(done),
    },
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('streamOracle', () => {
  it('asks for an event stream and hands meta, tokens and done to the handlers', async () => {
    const meta = {
      element: 'earth',
      phase: 1,
      facet: { id: 'earth-1', name: 'Earth 1 — Seed of Form' },
      knowledgeSources: [{ id: 'c1', knowledgeId: 'k1', title: 'Policies', snippet: 'Check-in 3 pm', score: 0.71 }],
      conversationId: 'conv-1',
      offline: true,
    }
    const whole =
      frame('meta', meta) +
      frame('token', { text: 'Check-in ' }) +
      frame('token', { text: 'is at 3 pm [1].' }) +
      frame('done', { usage: { totalTokens: 12 }, messageId: 'msg-1' })
    const fetchMock = respondWith(sseResponse([whole.slice(0, 40), whole.slice(40, 130), whole.slice(130)]))
    const { seen, handlers } = collector()

    await streamOracle('acme', { input: 'When is check-in?' }, handlers)

    const init = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(init[0]).toBe('/api/tenant/acme/oracle')
    expect(new Headers(init[1].headers).get('accept')).toBe('text/event-stream')
    expect(seen.meta[0]).toMatchObject({
      element: 'earth',
      phase: 1,
      facet: 'Earth 1 — Seed of Form',
      conversationId: 'conv-1',
      offline: true,
    })
    expect(seen.meta[0]?.knowledgeSources[0]).toMatchObject({ title: 'Policies', score: 0.71 })
    expect(seen.text).toBe('Check-in is at 3 pm [1].')
    expect(seen.done).toEqual([{ usage: { totalTokens: 12 }, messageId: 'msg-1' }])
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
    respondWith(
      sseResponse([frame('meta', { element: 'air', phase: 2 }), frame('error', { code: 'unavailable', message: 'The model went away.' })]),
    )
    await expect(streamOracle('acme', { input: 'hi' }, collector().handlers)).rejects.toMatchObject({
      code: 'unavailable',
      message: 'The model went away.',
    })
  })

  it('reports a stream that ends without done as cut off', async () => {
    respondWith(sseResponse([frame('token', { text: 'partial' })]))
    await expect(streamOracle('acme', { input: 'hi' }, collector().handlers)).rejects.toMatchObject({ code: 'network', message: /cut off/ })
  })

  it('accepts a JSON answer from a server that does not stream', async () => {
    respondWith(
      Response.json({
        response: 'Whole answer',
        element: 'fire',
        phase: 3,
        facet: 'Fire 3',
        knowledgeSources: [],
        conversationId: null,
        usage: null,
        messageId: null,
        offline: false,
      }),
    )
    const { seen, handlers } = collector()
    await streamOracle('acme', { input: 'hi' }, handlers)
    expect(seen.text).toBe('Whole answer')
    expect(seen.done).toHaveLength(1)
  })
})
