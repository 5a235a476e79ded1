import { json, parseWith, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { listTenantAuditLogs } from '@/lib/multi-tenant/audit/audit-logs'
import { auditQuerySchema } from '@/lib/multi-tenant/audit/audit-query'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

/** The tenant's audit log, newest first, with a verification of its hash chain. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  const query = parseWith(auditQuerySchema, Object.fromEntries(new URL(request.url).searchParams))
  return json(await listTenantAuditLogs(await getDatabase(), actor, id, query))
})
