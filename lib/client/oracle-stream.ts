import type { z } from 'zod'
import {
  oracleEventSchemas,
  oracleResponseSchema,
  type OracleDone,
  type OracleEventName,
  type OracleMeta,
  type OracleRequest,
} from '@/lib/contracts/oracle'
import { ApiError, apiErrorFrom, contractError, networkError } from './api-error'
import { readSse, type SseEvent } from './sse'

export type OracleHandlers = {
  onMeta: (meta: OracleMeta) => void
  onToken: (text: string) => void
  onDone: (done: OracleDone) => void
}

const garbled = () => new ApiError({ status: 502, code: 'bad_stream', message: 'The answer arrived garbled. Please try again.' })

/** The data of a 200 answer, parsed by its contract. */
function checked<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data)
  if (!result.success) throw contractError(200, result.error)
  return result.data
}

function parseData(event: SseEvent): unknown {
  try {
    return JSON.parse(event.data)
  } catch {
    throw garbled()
  }
}

function isOracleEvent(name: string): name is OracleEventName {
  return Object.hasOwn(oracleEventSchemas, name)
}

/** Dispatches one stream event, parsed by its contract; returns true once the stream is complete. */
function handleEvent(event: SseEvent, handlers: OracleHandlers): boolean {
  // Events of other names (a proxy's keep-alive, a later server's additions) are not the oracle's.
  if (!isOracleEvent(event.event)) return false
  const data = parseData(event)
  switch (event.event) {
    case 'meta':
      handlers.onMeta(checked(oracleEventSchemas.meta, data))
      return false
    case 'token':
      handlers.onToken(checked(oracleEventSchemas.token, data).text)
      return false
    case 'done':
      handlers.onDone(checked(oracleEventSchemas.done, data))
      return true
    case 'error': {
      const error = checked(oracleEventSchemas.error, data)
      throw new ApiError({ status: 200, code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds })
    }
  }
}

/**
 * Asks the tenant's oracle and streams the answer into the handlers. Errors before the
 * stream starts (401, 403, 429 with Retry-After...), `error` events and events that break
 * their contract all throw ApiError.
 */
export async function streamOracle(slug: string, body: OracleRequest, handlers: OracleHandlers, signal?: AbortSignal): Promise<void> {
  let response: Response
  try {
    response = await fetch(`/api/tenant/${encodeURIComponent(slug)}/oracle`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(body),
      signal,
    })
  } catch (cause) {
    throw networkError(cause)
  }
  const type = response.headers.get('content-type') ?? ''
  if (!response.ok) {
    const parsed = type.includes('json') ? await response.json().catch(() => null) : null
    throw apiErrorFrom(response.status, parsed, response.headers.get('retry-after'))
  }
  if (!type.includes('text/event-stream') || !response.body) {
    // A server that answered with JSON after all: show it as one chunk.
    const { response: text, usage, messageId, questionId, ...meta } = checked(oracleResponseSchema, await response.json().catch(() => null))
    handlers.onMeta(meta)
    handlers.onToken(text)
    handlers.onDone({ usage, messageId, questionId })
    return
  }
  try {
    for await (const event of readSse(response.body, signal)) {
      if (handleEvent(event, handlers)) return
    }
  } catch (cause) {
    if (cause instanceof ApiError) throw cause
    throw networkError(cause)
  }
  if (signal?.aborted) throw networkError(new DOMException('aborted', 'AbortError'))
  throw new ApiError({ status: 0, code: 'network', message: 'The answer was cut off. Please try again.' })
}
