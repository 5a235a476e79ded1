import { expect } from 'vitest'
import type { z } from 'zod'
import { apiRequest, cookieFrom } from './auth'

/* Calling a route handler the way Next.js does, and holding its answer to a contract. */

export type RouteParams = Record<string, string>
export type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
export type CallOptions = { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> }
/** A read answer: its status, its JSON body (null when empty), its headers and the cookies it set. */
export type Reply = { status: number; body: unknown; headers: Headers; cookie: string }

export function call<P extends RouteParams>(
  handler: RouteHandler<P>,
  params: P,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  return handler(apiRequest(path, options), { params: Promise.resolve(params) })
}

export async function read(response: Response): Promise<Reply> {
  const text = await response.text()
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: response.headers,
    cookie: cookieFrom(response),
  }
}

export async function answer<P extends RouteParams>(
  handler: RouteHandler<P>,
  params: P,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  return read(await call(handler, params, path, options))
}

/** The status, and the body parsed strictly by `schema` (the failing issues are shown when it does not parse). */
export function expectContract<S extends z.ZodType>(schema: S, reply: { status: number; body: unknown }, status: number): z.output<S> {
  expect(reply.status).toBe(status)
  const parsed = schema.safeParse(reply.body)
  expect(parsed.success ? null : parsed.error.issues).toBeNull()
  return parsed.data as z.output<S>
}

/** A 204 with no body. */
export function expectNoContent(reply: { status: number; body: unknown }): void {
  expect({ status: reply.status, body: reply.body }).toEqual({ status: 204, body: null })
}
