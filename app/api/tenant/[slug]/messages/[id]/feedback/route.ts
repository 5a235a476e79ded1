import { json, parseJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { getDatabase } from '@/lib/db'
import { rateAnswer } from '@/lib/multi-tenant/conversations/conversations'
import { feedbackRequestSchema } from '@/lib/multi-tenant/oracle/schema'
import { requireTenant } from '@/lib/multi-tenant/oracle/service'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string; id: string }> }

/** `{ value: 1 | -1 | null }` rates an answer in one of the caller's own conversations. */
export const POST = route(async (request: Request, { params }: Context) => {
  const { slug, id } = await params
  const tenant = await requireTenant(slug)
  const session = await requireSession(request)
  const { value } = await parseJson(request, feedbackRequestSchema)
  await rateAnswer(await getDatabase(), session.claims, tenant.id, id, value)
  return json({ id, feedback: value })
})
