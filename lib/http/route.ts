import type { z } from 'zod'
import { AppError, badRequestFromZod, errorResponse } from '@/lib/errors'
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
      return await handler(request, context)
    } catch (error) {
      return errorResponse(error)
    }
  }
}

export function json(data: unknown, init: number | ResponseInit = 200): Response {
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

/** Reads and validates a JSON body; malformed JSON and schema failures are 400s. */
export async function parseJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.toLowerCase().includes('application/json')) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).')
  }
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw new AppError('bad_request', 'The body is not valid JSON.')
  }
  const result = schema.safeParse(body)
  if (!result.success) throw badRequestFromZod(result.error)
  return result.data
}

/** Validates route params and query strings the same way as bodies. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw badRequestFromZod(result.error)
  return result.data
}
