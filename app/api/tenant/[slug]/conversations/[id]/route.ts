import { conversationResponseSchema } from '@/lib/contracts/conversations'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { deleteConversation, getConversation } from '@/lib/multi-tenant/conversations'

export const dynamic = 'force-dynamic'

type Params = { slug: string; id: string }

/** One of the caller's own conversations with its messages; anyone else's is 404. */
export const GET = tenantRoute<Params>({ minRole: 'signed-in' }, async ({ caller, params }) =>
  contractJson(conversationResponseSchema, { conversation: await getConversation(caller, caller.tenant.id, params.id) }),
)

/** 204; anyone else's conversation is 404. */
export const DELETE = tenantRoute<Params>({ minRole: 'signed-in' }, async ({ caller, params }) => {
  await deleteConversation(caller, caller.tenant.id, params.id)
  return new Response(null, { status: 204 })
})
