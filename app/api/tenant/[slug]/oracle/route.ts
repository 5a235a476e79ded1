import { oracleRequestSchema, oracleResponseSchema } from '@/lib/contracts/oracle'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import {
  admitMember,
  eventStreamResponse,
  openOracle,
  prepareQuestion,
  type OracleCaller,
  type PreparedQuestion,
} from '@/lib/multi-tenant/oracle'

export const dynamic = 'force-dynamic'

function wantsEventStream(request: Request): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes('text/event-stream')
}

/**
 * Asks the tenant's assistant (lib/contracts/oracle.ts). `{ input, conversationId?, conversationDepth?, resend?, advisorId? }` -> JSON
 * `{ response, element, phase, facet, knowledgeSources, conversationId, usage, messageId, questionId, offline }`,
 * or with `Accept: text/event-stream` the same as `meta` / `token` / `done` events. Failures
 * before the answer starts are JSON errors with their status; later ones an `error` event.
 * A failed exchange stores nothing: after an `error` event on the first message of a new
 * thread, the conversationId announced in `meta` does not exist (start a new thread).
 */
export const POST = tenantRoute<{ slug: string }, typeof oracleRequestSchema, undefined, PreparedQuestion, OracleCaller | null>(
  {
    minRole: 'anyone',
    serving: true,
    body: oracleRequestSchema,
    // A member is admitted in the session lookup's transaction; the question's tokens are counted before it.
    first: { prepare: ({ body }) => prepareQuestion(body), run: (caller, tx, question) => admitMember(caller, tx, question) },
  },
  async ({ caller, body, request, prepared, first }) => {
    const { maia, userId, admitted } = first ?? (await openOracle(caller))
    const options = {
      conversationId: body.conversationId,
      resend: body.resend,
      advisorId: body.advisorId,
      conversationDepth: body.conversationDepth,
      inputTokens: prepared?.inputTokens,
      admitted,
    }
    if (!wantsEventStream(request)) {
      return contractJson(oracleResponseSchema, await maia.processInteraction(body.input, userId, { ...options, signal: request.signal }))
    }
    const stop = new AbortController()
    request.signal.addEventListener('abort', () => stop.abort(), { once: true })
    return eventStreamResponse(maia.streamInteraction(body.input, userId, { ...options, signal: stop.signal }), () => stop.abort())
  },
)
