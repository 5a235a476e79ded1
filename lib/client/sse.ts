/*
 * A server-sent events reader for `fetch` responses. `EventSource` cannot send a POST
 * body or custom headers, so the oracle stream is read from the response body instead.
 * Follows the WHATWG parsing rules: lines end in CRLF, LF or CR; a blank line dispatches;
 * `data:` lines join with "\n"; one leading space after the colon is dropped; lines
 * starting with ":" are comments.
 */

export type SseEvent = { event: string; data: string; id?: string }

export class SseParser {
  private buffer = ''
  private pendingCarriageReturn = false
  private eventName = ''
  private dataLines: string[] = []
  private lastId: string | undefined

  /** Feeds decoded text; returns the events completed by it. */
  push(text: string): SseEvent[] {
    let input = text
    // A CR that ended the previous chunk already closed its line; skip the LF of that CRLF.
    if (this.pendingCarriageReturn && input.startsWith('\n')) input = input.slice(1)
    this.pendingCarriageReturn = false
    this.buffer += input

    const events: SseEvent[] = []
    let lineBreak = this.buffer.search(/[\r\n]/)
    while (lineBreak !== -1) {
      const line = this.buffer.slice(0, lineBreak)
      const isCr = this.buffer[lineBreak] === '\r'
      let rest = this.buffer.slice(lineBreak + 1)
      if (isCr) {
        if (rest.startsWith('\n')) rest = rest.slice(1)
        else if (rest === '') this.pendingCarriageReturn = true
      }
      this.buffer = rest
      const event = this.processLine(line)
      if (event) events.push(event)
      lineBreak = this.buffer.search(/[\r\n]/)
    }
    return events
  }

  /** The stream ended: an event without its closing blank line is discarded, as browsers do. */
  end(): void {
    this.buffer = ''
    this.eventName = ''
    this.dataLines = []
  }

  private processLine(line: string): SseEvent | null {
    if (line === '') return this.dispatch()
    if (line.startsWith(':')) return null
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') this.eventName = value
    else if (field === 'data') this.dataLines.push(value)
    else if (field === 'id' && !value.includes('\0')) this.lastId = value
    return null
  }

  private dispatch(): SseEvent | null {
    const hasData = this.dataLines.length > 0
    const event: SseEvent = { event: this.eventName || 'message', data: this.dataLines.join('\n') }
    if (this.lastId !== undefined) event.id = this.lastId
    this.eventName = ''
    this.dataLines = []
    return hasData ? event : null
  }
}

/** Yields the events of a streamed response body as they arrive. */
export async function* readSse(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<SseEvent> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const parser = new SseParser()
  let finished = false
  try {
    while (!signal?.aborted) {
      const { done, value } = await reader.read()
      if (done) {
        finished = true
        yield* parser.push(decoder.decode())
        parser.end()
        return
      }
      yield* parser.push(decoder.decode(value, { stream: true }))
    }
  } finally {
    // The reader stopped early (abort, or the consumer broke off): free the connection.
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}
