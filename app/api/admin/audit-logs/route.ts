import { contractJson } from '@/lib/http/route'
import { platformRoute } from '@/lib/http/tenant-route'
import { auditLogPageResponseSchema, platformAuditQuerySchema } from '@/lib/contracts/audit'
import { listPlatformAuditLogs } from '@/lib/multi-tenant/audit'

export const dynamic = 'force-dynamic'

/** Every audit row, platform rows included; platform admins only. */
export const GET = platformRoute({ query: platformAuditQuerySchema }, async ({ caller, query }) =>
  contractJson(auditLogPageResponseSchema, await listPlatformAuditLogs(caller, query)),
)
