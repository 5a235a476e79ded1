import { describe, expect, it } from 'vitest'
import { SseParser, readSse } from '@/lib/client/sse'

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
      controller.close()
    },
  })
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = []
  for await (const event of readSse(stream)) events.push(event)
  return events
}

describe('SseParser', () => {
  it('dispatches named events with their data on a blank line', () => {
    const parser = new SseParser()
    const events = parser.push('event: meta\ndata: {"a":1}\n\nevent: token\ndata: {"text":"hi"}\n\n')
    expect(events).toEqual([
      { event: 'meta', data: '{"a":1}' },
      { event: 'token', data: '{"text":"hi"}' },
    ])
  })

  it('holds an event split across chunks until its blank line arrives', () => {
    const parser = new SseParser()
    expect(parser.push('event: tok')).toEqual([])
    expect(parser.push('en\ndata: {"te')).toEqual([])
    expect(parser.push('xt":"x"}\n')).toEqual([])
    expect(parser.push('\n')).toEqual([{ event: 'token', data: '{"text":"x"}' }])
  })

  it('accepts CRLF and lone CR line endings, including a CRLF split between chunks', () => {
    const parser = new SseParser()
    expect(parser.push('data: one\r')).toEqual([])
    expect(parser.push('\n\r\n')).toEqual([{ event: 'message', data: 'one' }])
    expect(parser.push('data: two\r\r')).toEqual([{ event: 'message', data: 'two' }])
  })

  it('joins several data lines with newlines and strips only one leading space', () => {
    const parser = new SseParser()
    expect(parser.push('data:  indented\ndata:second\n\n')).toEqual([{ event: 'message', data: ' indented\nsecond' }])
  })

  it('ignores comments, unknown fields and events without data', () => {
    const parser = new SseParser()
    expect(parser.push(': keep-alive\nretry: 100\nevent: ping\n\n')).toEqual([])
    expect(parser.push('data: after\n\n')).toEqual([{ event: 'message', data: 'after' }])
  })

  it('remembers the last event id', () => {
    const parser = new SseParser()
    expect(parser.push('id: 7\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x', id: '7' }])
  })
})

describe('readSse', () => {
  it('decodes multi-byte characters split between network chunks', async () => {
    const bytes = new TextEncoder().encode('event: token\ndata: {"text":"é✓"}\n\n')
    const cut = bytes.indexOf(0xc3) + 1 // inside the two bytes of "é"
    const events = await collect(streamOf([bytes.slice(0, cut), bytes.slice(cut)]))
    expect(events).toEqual([{ event: 'token', data: '{"text":"é✓"}' }])
  })

  it('drops an unterminated event at the end of the stream', async () => {
    const events = await collect(streamOf(['data: complete\n\n', 'data: cut off']))
    expect(events).toEqual([{ event: 'message', data: 'complete' }])
  })

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: tick\n\n'))
      },
      cancel() {
        cancelled = true
      },
    })
    for await (const event of readSse(stream)) {
      expect(event.data).toBe('tick')
      break
    }
    expect(cancelled).toBe(true)
  })
})
