import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { auditLogPageResponseSchema, auditQuerySchema } from '@/lib/contracts/audit'
import { listTenantAuditLogs } from '@/lib/multi-tenant/audit'

export const dynamic = 'force-dynamic'

/** The tenant's audit log, newest first, with a verification of its hash chain. */
export const GET = tenantRoute<{ id: string }, undefined, typeof auditQuerySchema>(
  { by: 'id', minRole: 'admin', query: auditQuerySchema },
  async ({ caller, query, params }) => contractJson(auditLogPageResponseSchema, await listTenantAuditLogs(caller, params.id, query)),
)
