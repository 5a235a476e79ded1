import type { z } from 'zod'
import type { OracleEventName, oracleEventSchemas } from '@/lib/contracts/oracle'
import { toAppError } from '@/lib/errors'
import type { OracleEvent } from './types'

/*
 * The oracle's answers as server-sent events: `meta`, then `token`s, then `done`; an
 * `error` event when something fails after the stream has started (before that, the route
 * answers with a normal JSON error and status).
 */

/**
 * One event in the text/event-stream format, its data held to the event's contract. JSON
 * has no raw newlines, so one data line suffices.
 */
export function sseFrame<E extends OracleEventName>(event: E, data: z.input<(typeof oracleEventSchemas)[E]>): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}

export function oracleFrame(event: OracleEvent): string {
  switch (event.type) {
    case 'meta': {
      const { type: _type, ...meta } = event
      return sseFrame('meta', meta)
    }
    case 'token':
      return sseFrame('token', { text: event.text })
    case 'done':
      return sseFrame('done', { usage: event.usage, messageId: event.messageId, questionId: event.questionId })
  }
}

export function errorFrame(error: unknown): string {
  const appError = toAppError(error)
  if (appError.status >= 500) console.error('[oracle] stream failed', appError.code, appError.cause ?? appError)
  return sseFrame('error', {
    code: appError.code,
    message: appError.message,
    ...(appError.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: appError.retryAfterSeconds }),
  })
}

const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  // Tells nginx-style proxies not to buffer the stream.
  'x-accel-buffering': 'no',
}

/**
 * Waits for the first event, so anything that fails before the answer starts still
 * becomes a JSON error with its status, then streams the rest. `onCancel` runs when the
 * client goes away, to stop the model.
 */
export async function eventStreamResponse(events: AsyncGenerator<OracleEvent>, onCancel: () => void): Promise<Response> {
  const first = await events.next()
  const encoder = new TextEncoder()
  // A pull still waiting for the producer when the client leaves must not write to the closed stream.
  let cancelled = false
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close()
      else controller.enqueue(encoder.encode(oracleFrame(first.value)))
    },
    async pull(controller) {
      let frame: string | null
      try {
        const next = await events.next()
        frame = next.done ? null : oracleFrame(next.value)
      } catch (error) {
        if (cancelled) return
        controller.enqueue(encoder.encode(errorFrame(error)))
        controller.close()
        return
      }
      if (cancelled) return
      if (frame === null) controller.close()
      else controller.enqueue(encoder.encode(frame))
    },
    async cancel() {
      cancelled = true
      onCancel()
      await events.return(undefined)
    },
  })
  return new Response(body, { status: 200, headers: STREAM_HEADERS })
}
