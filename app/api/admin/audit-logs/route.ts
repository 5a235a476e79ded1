import { json, parseWith, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { listPlatformAuditLogs } from '@/lib/multi-tenant/audit/audit-logs'
import { platformAuditQuerySchema } from '@/lib/multi-tenant/audit/audit-query'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

/** Every audit row, platform rows included; platform admins only. */
export const GET = route(async (request: Request) => {
  const actor = await requireActor(request)
  const query = parseWith(platformAuditQuerySchema, Object.fromEntries(new URL(request.url).searchParams))
  return json(await listPlatformAuditLogs(await getDatabase(), actor, query))
})
