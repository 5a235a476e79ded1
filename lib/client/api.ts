import { ApiError, apiErrorFrom, networkError } from './api-error'

export type ApiInit = Omit<RequestInit, 'body'> & { json?: unknown; body?: BodyInit }

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? ''
  if (response.status === 204) return null
  if (type.includes('application/json')) return response.json().catch(() => null)
  const text = await response.text().catch(() => '')
  return text || null
}

/**
 * `fetch` for the app's own API: sends JSON when `json` is given, resolves with the parsed
 * body on 2xx and throws an ApiError (code, message, field details, Retry-After) otherwise.
 */
export async function apiFetch<T = unknown>(url: string, init: ApiInit = {}): Promise<T> {
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
  return parsed as T
}

export { ApiError }
