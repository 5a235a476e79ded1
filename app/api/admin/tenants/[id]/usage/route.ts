import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { usageReportResponseSchema } from '@/lib/contracts/usage'
import { getUsageReport } from '@/lib/multi-tenant/usage'

export const dynamic = 'force-dynamic'

/** The tenant's usage this month, earlier months and the last 30 days; tenant admins and platform admins. */
export const GET = tenantRoute<{ id: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(usageReportResponseSchema, await getUsageReport(caller, params.id)),
)
