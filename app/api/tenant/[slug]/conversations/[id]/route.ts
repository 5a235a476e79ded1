import {
  conversationMessagesQuerySchema,
  conversationRenameRequestSchema,
  conversationRenameResponseSchema,
  conversationResponseSchema,
} from '@/lib/contracts/conversations'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { deleteConversation, getConversation, renameConversation } from '@/lib/multi-tenant/conversations'

export const dynamic = 'force-dynamic'

type Params = { slug: string; id: string }

/**
 * One of the caller's own conversations with a page of its messages
 * (`?limit=` up to 200, default 100; `?cursor=` from `nextCursor` for earlier ones); anyone else's is 404.
 */
export const GET = tenantRoute<Params, undefined, typeof conversationMessagesQuerySchema>(
  { minRole: 'signed-in', query: conversationMessagesQuerySchema },
  async ({ caller, params, query }) =>
    contractJson(conversationResponseSchema, await getConversation(caller, caller.tenant.id, params.id, query)),
)

/** `{ title }` renames one of the caller's own conversations; answers its summary. Anyone else's is 404. */
export const PATCH = tenantRoute<Params, typeof conversationRenameRequestSchema>(
  { minRole: 'signed-in', body: conversationRenameRequestSchema },
  async ({ caller, params, body }) =>
    contractJson(conversationRenameResponseSchema, await renameConversation(caller, caller.tenant.id, params.id, body.title)),
)

/** 204; anyone else's conversation is 404. */
export const DELETE = tenantRoute<Params>({ minRole: 'signed-in' }, async ({ caller, params }) => {
  await deleteConversation(caller, caller.tenant.id, params.id)
  return new Response(null, { status: 204 })
})
