import type { z } from 'zod'
import { AppError, errorResponse, parseOrBadRequest } from '@/lib/errors'
import { assertSameOrigin } from '@/lib/auth/csrf'

type Handler<C> = (request: Request, context: C) => Promise<Response>

/**
 * Wraps a route handler once so every failure leaves as the one JSON error shape, and
 * cookie-authenticated state changes from another origin are refused (403 csrf).
 */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      assertSameOrigin(request)
      return privateAnswer(await handler(request, context))
    } catch (error) {
      return privateAnswer(errorResponse(error))
    }
  }
}

/**
 * Answers are about the caller (or a tenant's private data): no shared cache may keep
 * one unless its handler says otherwise. A redirect's headers are immutable, so it is copied.
 */
function privateAnswer(response: Response): Response {
  if (response.headers.has('cache-control')) return response
  try {
    response.headers.set('cache-control', 'no-store')
    return response
  } catch {
    const copy = new Response(response.body, response)
    copy.headers.set('cache-control', 'no-store')
    return copy
  }
}

function json(data: unknown, init: number | ResponseInit = 200): Response {
  const options = typeof init === 'number' ? { status: init } : init
  return Response.json(data, options)
}

/**
 * A JSON answer the compiler holds to its contract: `schema` only types `data` (the
 * contract tests parse the real answers at run time).
 */
export function contractJson<S extends z.ZodType>(_schema: S, data: z.input<S>, init: number | ResponseInit = 200): Response {
  return json(data, init)
}

/**
 * The media type itself, not a substring: `text/plain; charset=application/json` is a
 * form a cross-origin page may send without a preflight, and must not pass as JSON.
 */
export function isJsonMediaType(contentType: string | null): boolean {
  const essence = (contentType ?? '').split(';')[0]?.trim().toLowerCase()
  return essence === 'application/json'
}

/** Reads and validates a JSON body; malformed JSON and schema failures are 400s. */
export async function parseJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  if (!isJsonMediaType(request.headers.get('content-type'))) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).')
  }
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw new AppError('bad_request', 'The body is not valid JSON.')
  }
  refuseNul(body)
  return parseOrBadRequest(schema, body)
}

/**
 * The dotted path of the first string holding a NUL character, or null. Postgres text
 * cannot store one, so it is refused here as the caller's mistake (400 naming the
 * field) rather than failing in the database. Iterative: a body may nest deeply.
 */
export function nulPath(value: unknown): string | null {
  const pending: [unknown, string][] = [[value, '']]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return path || '_'
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes('\u0000')) return path ? `${path}.${key}` : key
        pending.push([child, path ? `${path}.${key}` : key])
      }
    }
  }
  return null
}

function refuseNul(value: unknown): void {
  const path = nulPath(value)
  if (path !== null) {
    throw new AppError('bad_request', 'The request is not valid.', {
      details: { fields: { [path]: 'must not contain the NUL character' } },
    })
  }
}

/** Validates route params and query strings the same way as bodies. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  refuseNul(value)
  return parseOrBadRequest(schema, value)
}
