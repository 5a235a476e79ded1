import { json } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { listTenantAuditLogs } from '@/lib/multi-tenant/audit'
import { auditQuerySchema } from '@/lib/multi-tenant/audit'

export const dynamic = 'force-dynamic'

/** The tenant's audit log, newest first, with a verification of its hash chain. */
export const GET = tenantRoute<{ id: string }, undefined, typeof auditQuerySchema>(
  { by: 'id', minRole: 'admin', query: auditQuerySchema },
  async ({ caller, query, params }) => json(await listTenantAuditLogs(caller, params.id, query)),
)
