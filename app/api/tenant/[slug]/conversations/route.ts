import { conversationListQuerySchema, conversationListResponseSchema } from '@/lib/contracts/conversations'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { listConversations } from '@/lib/multi-tenant/conversations'

export const dynamic = 'force-dynamic'

/** The caller's own conversations with this tenant's assistant, newest first: `?page=&pageSize=`; `?q=` keeps those whose title or messages contain it. */
export const GET = tenantRoute<{ slug: string }, undefined, typeof conversationListQuerySchema>(
  { minRole: 'signed-in', query: conversationListQuerySchema },
  async ({ caller, query }) => contractJson(conversationListResponseSchema, await listConversations(caller, caller.tenant.id, query)),
)
