import { ZodError } from 'zod'
import { ApiError, apiErrorFrom, networkError } from './api-error'
import {
  doneEventSchema,
  errorEventSchema,
  metaEventSchema,
  oracleJsonSchema,
  tokenEventSchema,
  type OracleDone,
  type OracleMeta,
} from './oracle-events'
import { readSse, type SseEvent } from './sse'

export type OracleRequest = { input: string; conversationId?: string; conversationDepth?: number }

export type OracleHandlers = {
  onMeta: (meta: OracleMeta) => void
  onToken: (text: string) => void
  onDone: (done: OracleDone) => void
}

const garbled = () => new ApiError({ status: 502, code: 'bad_stream', message: 'The answer arrived garbled. Please try again.' })

function parseData(event: SseEvent): unknown {
  try {
    return JSON.parse(event.data)
  } catch {
    throw garbled()
  }
}

/** Dispatches one stream event; returns true once the stream is complete. */
function handleEvent(event: SseEvent, handlers: OracleHandlers): boolean {
  const data = parseData(event)
  switch (event.event) {
    case 'meta':
      handlers.onMeta(metaEventSchema.parse(data))
      return false
    case 'token':
      handlers.onToken(tokenEventSchema.parse(data).text)
      return false
    case 'done':
      handlers.onDone(doneEventSchema.parse(data))
      return true
    case 'error': {
      const error = errorEventSchema.parse(data)
      throw new ApiError({ status: 200, code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds })
    }
    default:
      return false
  }
}

/**
 * Asks the tenant's oracle and streams the answer into the handlers. Errors before the
 * stream starts (401, 403, 429 with Retry-After...) and `error` events both throw ApiError.
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
    const answer = oracleJsonSchema.parse(await response.json())
    handlers.onMeta(answer)
    handlers.onToken(answer.response)
    handlers.onDone({ usage: answer.usage, messageId: answer.messageId })
    return
  }
  try {
    for await (const event of readSse(response.body, signal)) {
      if (handleEvent(event, handlers)) return
    }
  } catch (cause) {
    if (cause instanceof ApiError) throw cause
    if (cause instanceof ZodError) throw garbled()
    throw networkError(cause)
  }
  if (signal?.aborted) throw networkError(new DOMException('aborted', 'AbortError'))
  throw new ApiError({ status: 0, code: 'network', message: 'The answer was cut off. Please try again.' })
}
