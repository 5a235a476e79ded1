import { json, parseWith, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { getDatabase } from '@/lib/db'
import { listConversations } from '@/lib/multi-tenant/conversations/conversations'
import { conversationListQuerySchema } from '@/lib/multi-tenant/oracle/schema'
import { requireTenant } from '@/lib/multi-tenant/oracle/service'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

/** The caller's own conversations with this tenant's assistant, newest first: `?page=&pageSize=`. */
export const GET = route(async (request: Request, { params }: Context) => {
  const { slug } = await params
  const tenant = await requireTenant(slug)
  const session = await requireSession(request)
  const query = parseWith(conversationListQuerySchema, Object.fromEntries(new URL(request.url).searchParams))
  return json(await listConversations(await getDatabase(), session.claims, tenant.id, query))
})
