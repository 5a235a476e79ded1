import type { z } from 'zod'

/*
 * The client's view of the API's one error shape: `{ error: { code, message, details? } }`
 * plus the status and, for 429s, the `Retry-After` header in seconds.
 */

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown
  readonly retryAfterSeconds: number | null

  constructor(init: { status: number; code: string; message: string; details?: unknown; retryAfterSeconds?: number | null }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.details = init.details
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
  }

  /** Field messages from a 400's `details.fields`, keyed by dotted path (`limits.storageMb`). */
  get fields(): Record<string, string> {
    const fields = (this.details as { fields?: unknown } | null | undefined)?.fields
    if (!fields || typeof fields !== 'object') return {}
    const result: Record<string, string> = {}
    for (const [key, value] of Object.entries(fields)) if (typeof value === 'string') result[key] = value
    return result
  }
}

const fallbackMessages: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'Please sign in first.',
  403: 'You are not allowed to do that.',
  404: 'That could not be found.',
  409: 'That conflicts with something that already exists.',
  413: 'That is too large.',
  415: 'That file type is not supported.',
  422: 'That could not be read.',
  429: 'Too many requests: please wait a moment.',
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - now) / 1000))
}

/** Builds an ApiError from a status, headers and a body that may or may not be our JSON shape. */
export function apiErrorFrom(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error
  const code = typeof error?.code === 'string' ? error.code : status >= 500 ? 'internal' : `http_${status}`
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : (fallbackMessages[status] ?? 'Something went wrong on our side. Please try again.')
  return new ApiError({ status, code, message, details: error?.details, retryAfterSeconds: parseRetryAfter(retryAfterHeader) })
}

/** A 2xx body that is not what the route's contract says: the server and this page disagree. */
export function contractError(status: number, error: z.ZodError): ApiError {
  return new ApiError({
    status,
    code: 'contract',
    message: 'The server answered in a shape this page does not understand. Reload the page and try again.',
    details: { issues: error.issues },
  })
}

/** A network failure (offline, server gone) in the same shape, so callers handle one type. */
export function networkError(cause: unknown): ApiError {
  const aborted = cause instanceof DOMException && cause.name === 'AbortError'
  return new ApiError({
    status: 0,
    code: aborted ? 'aborted' : 'network',
    message: aborted ? 'The request was cancelled.' : 'Could not reach the server. Check your connection and try again.',
  })
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error && error.message) return error.message
  return 'Something went wrong. Please try again.'
}
