import { json, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'
import { getUsageReport } from '@/lib/multi-tenant/usage/report'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

/** The tenant's usage this month, earlier months and the last 30 days; tenant admins and platform admins. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  return json(await getUsageReport(await getDatabase(), actor, id))
})
