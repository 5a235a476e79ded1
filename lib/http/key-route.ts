import type { z } from 'zod'
import { errorResponse, openAiErrorBody, toAppError } from '@/lib/errors'
import type { ApiKeyScope } from '@/lib/contracts/api-keys'
import { limitKeyRequest, requireScope, resolveKeyCaller, type KeyCaller } from '@/lib/multi-tenant/api-keys'
import { parseJson } from './route'

type Schema = z.ZodType | undefined
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined

export type KeyHandlerArgs<B extends Schema> = { caller: KeyCaller; body: Parsed<B>; request: Request }

function noStore(response: Response): Response {
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store')
  return response
}

/**
 * A route of the public API (/api/v1): the caller is the tenant API key of
 * `Authorization: Bearer` (401 without a live one), holding `scope` (403), within the
 * key's rate limit (429), then the body parsed by its schema (400). Failures answer in
 * the one error shape with OpenAI's `type` and `param` added. No cookie is read, so a
 * cross-site request has nothing to ride on and there is no CSRF check.
 */
export function keyRoute<B extends Schema = undefined>(
  options: { scope: ApiKeyScope; body?: B },
  handler: (args: KeyHandlerArgs<B>) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const caller = await resolveKeyCaller(request.headers)
      requireScope(caller, options.scope)
      await limitKeyRequest(caller)
      const body = (options.body ? await parseJson(request, options.body) : undefined) as Parsed<B>
      return noStore(await handler({ caller, body, request }))
    } catch (error) {
      const response = errorResponse(error, openAiErrorBody)
      // The month's limit does not lift in a retry's seconds: tell OpenAI's clients not to retry.
      if (toAppError(error).code === 'limit_reached') response.headers.set('x-should-retry', 'false')
      return noStore(response)
    }
  }
}
