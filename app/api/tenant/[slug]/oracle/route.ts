import { json } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { oracleRequestSchema } from '@/lib/multi-tenant/oracle'
import { openOracle } from '@/lib/multi-tenant/oracle'
import { eventStreamResponse } from '@/lib/multi-tenant/oracle'

export const dynamic = 'force-dynamic'

function wantsEventStream(request: Request): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes('text/event-stream')
}

/**
 * Asks the tenant's assistant. `{ input, conversationId?, conversationDepth? }` -> JSON
 * `{ response, element, phase, facet, knowledgeSources, conversationId, usage, messageId, offline }`,
 * or with `Accept: text/event-stream` the same as `meta` / `token` / `done` events. Failures
 * before the answer starts are JSON errors with their status; later ones an `error` event.
 * A failed exchange stores nothing: after an `error` event on the first message of a new
 * thread, the conversationId announced in `meta` does not exist (start a new thread).
 */
export const POST = tenantRoute<{ slug: string }, typeof oracleRequestSchema>(
  { minRole: 'anyone', serving: true, body: oracleRequestSchema },
  async ({ caller, body, request }) => {
    const { maia, userId } = await openOracle(caller)
    const options = { conversationId: body.conversationId, conversationDepth: body.conversationDepth }
    if (!wantsEventStream(request)) {
      return json(await maia.processInteraction(body.input, userId, { ...options, signal: request.signal }))
    }
    const stop = new AbortController()
    request.signal.addEventListener('abort', () => stop.abort(), { once: true })
    return eventStreamResponse(maia.streamInteraction(body.input, userId, { ...options, signal: stop.signal }), () => stop.abort())
  },
)
