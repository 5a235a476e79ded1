import { json } from '@/lib/http/route'
import { platformRoute } from '@/lib/http/tenant-route'
import { listPlatformAuditLogs } from '@/lib/multi-tenant/audit'
import { platformAuditQuerySchema } from '@/lib/multi-tenant/audit'

export const dynamic = 'force-dynamic'

/** Every audit row, platform rows included; platform admins only. */
export const GET = platformRoute({ query: platformAuditQuerySchema }, async ({ caller, query }) =>
  json(await listPlatformAuditLogs(caller, query)),
)
