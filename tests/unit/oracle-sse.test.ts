import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/errors'
import { eventStreamResponse, oracleFrame, sseFrame } from '@/lib/multi-tenant/oracle/sse'
import type { OracleEvent } from '@/lib/multi-tenant/oracle/types'
import { SseParser } from '@/lib/client/sse'

const meta: OracleEvent = {
  type: 'meta',
  element: 'water',
  phase: 2,
  facet: { id: 'water-2', name: 'Water 2 — Depths of the Heart' },
  knowledgeSources: [{ id: 'c1', knowledgeId: 'k1', title: 'Line one\nline two', snippet: 'a "quoted" snippet', score: 0.5 }],
  conversationId: '00000000-0000-4000-8000-000000000001',
  offline: false,
}

async function* events(list: OracleEvent[], failAfter?: Error): AsyncGenerator<OracleEvent> {
  for (const event of list) yield event
  if (failAfter) throw failAfter
}

async function parsedBody(response: Response) {
  const parser = new SseParser()
  const parsed = parser.push(await response.text())
  return parsed.map((event) => ({ event: event.event, data: JSON.parse(event.data) as Record<string, unknown> }))
}

describe('SSE frames', () => {
  it('survive the client parser unchanged, newlines and quotes included', () => {
    const parsed = new SseParser().push(oracleFrame(meta) + sseFrame('token', { text: 'two\nlines' }))
    expect(parsed.map((event) => event.event)).toEqual(['meta', 'token'])
    const { type: _type, ...expected } = meta as Extract<OracleEvent, { type: 'meta' }>
    expect(JSON.parse(parsed[0]?.data ?? '')).toEqual(expected)
    expect(JSON.parse(parsed[1]?.data ?? '')).toEqual({ text: 'two\nlines' })
  })
})

describe('eventStreamResponse', () => {
  it('streams meta, tokens and done as text/event-stream', async () => {
    const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3, offline: false }
    const response = await eventStreamResponse(
      events([
        meta,
        { type: 'token', text: 'Hel' },
        { type: 'token', text: 'lo' },
        { type: 'done', usage, messageId: 'm1', questionId: 'q1' },
      ]),
      () => {},
    )
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const parsed = await parsedBody(response)
    expect(parsed.map((event) => event.event)).toEqual(['meta', 'token', 'token', 'done'])
    expect(parsed[3]?.data).toEqual({ usage, messageId: 'm1', questionId: 'q1' })
  })

  it('turns a failure after the first event into an error event', async () => {
    const failure = new AppError('unavailable', 'The language model service stopped answering mid-reply.')
    const response = await eventStreamResponse(events([meta, { type: 'token', text: 'Hel' }], failure), () => {})
    const parsed = await parsedBody(response)
    expect(parsed.map((event) => event.event)).toEqual(['meta', 'token', 'error'])
    expect(parsed[2]?.data).toEqual({ code: 'unavailable', message: failure.message })
  })

  it('rejects when the first event fails, so the route can answer with a JSON error', async () => {
    const failure = new AppError('limit_reached', 'Monthly limit reached.', { retryAfterSeconds: 60 })
    await expect(eventStreamResponse(events([], failure), () => {})).rejects.toBe(failure)
  })

  it('tells the producer to stop when the client cancels', async () => {
    let cancelled = false
    let finished = false
    async function* endless(): AsyncGenerator<OracleEvent> {
      try {
        yield meta
        for (;;) yield { type: 'token', text: 'x' }
      } finally {
        finished = true
      }
    }
    const response = await eventStreamResponse(endless(), () => {
      cancelled = true
    })
    const reader = response.body?.getReader()
    await reader?.read()
    await reader?.cancel()
    expect(cancelled).toBe(true)
    expect(finished).toBe(true)
  })
})
