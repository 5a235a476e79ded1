import type { z } from 'zod'
import { ApiError, apiErrorFrom, contractError, networkError } from './api-error'

export type ApiInit = Omit<RequestInit, 'body'> & { json?: unknown; body?: BodyInit }

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? ''
  if (response.status === 204) return null
  if (type.includes('application/json')) return response.json().catch(() => null)
  const text = await response.text().catch(() => '')
  return text || null
}

/**
 * `fetch` for the app's own API: sends JSON when `json` is given, resolves with the body
 * parsed by `schema` (the route's contract; a 204 answers null) on 2xx and throws an
 * ApiError (code, message, field details, Retry-After) otherwise or when the body breaks
 * the contract.
 */
export async function apiFetch<S extends z.ZodType>(url: string, schema: S, init: ApiInit = {}): Promise<z.output<S>> {
  const { json, headers, ...rest } = init
  const finalHeaders = new Headers(headers)
  if (!finalHeaders.has('accept')) finalHeaders.set('accept', 'application/json')
  let body = rest.body
  if (json !== undefined) {
    finalHeaders.set('content-type', 'application/json')
    body = JSON.stringify(json)
  }
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin', ...rest, headers: finalHeaders, body })
  } catch (cause) {
    throw networkError(cause)
  }
  const parsed = await readBody(response)
  if (!response.ok) throw apiErrorFrom(response.status, parsed, response.headers.get('retry-after'))
  const checked = schema.safeParse(parsed)
  if (!checked.success) throw contractError(response.status, checked.error)
  return checked.data
}

export { ApiError }
