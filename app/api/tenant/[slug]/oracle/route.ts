import { clientIp } from '@/lib/http/client-ip'
import { json, parseJson, route } from '@/lib/http/route'
import { getSession } from '@/lib/auth'
import { getDatabase } from '@/lib/db'
import { oracleRequestSchema } from '@/lib/multi-tenant/oracle/schema'
import { openOracle, requireServingTenant } from '@/lib/multi-tenant/oracle/service'
import { eventStreamResponse } from '@/lib/multi-tenant/oracle/sse'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

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
export const POST = route(async (request: Request, { params }: Context) => {
  const { slug } = await params
  const tenant = await requireServingTenant(slug)
  const body = await parseJson(request, oracleRequestSchema)
  const db = await getDatabase()
  const { maia, userId } = await openOracle(db, tenant, await getSession(request), clientIp(request))
  const options = { conversationId: body.conversationId, conversationDepth: body.conversationDepth }

  if (!wantsEventStream(request)) {
    return json(await maia.processInteraction(body.input, userId, { ...options, signal: request.signal }))
  }
  const stop = new AbortController()
  request.signal.addEventListener('abort', () => stop.abort(), { once: true })
  return eventStreamResponse(maia.streamInteraction(body.input, userId, { ...options, signal: stop.signal }), () => stop.abort())
})
