import { json, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { getDatabase } from '@/lib/db'
import { deleteConversation, getConversation } from '@/lib/multi-tenant/conversations/conversations'
import { requireTenant } from '@/lib/multi-tenant/oracle/service'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string; id: string }> }

/** One of the caller's own conversations with its messages; anyone else's is 404. */
export const GET = route(async (request: Request, { params }: Context) => {
  const { slug, id } = await params
  const tenant = await requireTenant(slug)
  const session = await requireSession(request)
  return json({ conversation: await getConversation(await getDatabase(), session.claims, tenant.id, id) })
})

export const DELETE = route(async (request: Request, { params }: Context) => {
  const { slug, id } = await params
  const tenant = await requireTenant(slug)
  const session = await requireSession(request)
  await deleteConversation(await getDatabase(), session.claims, tenant.id, id)
  return new Response(null, { status: 204 })
})
