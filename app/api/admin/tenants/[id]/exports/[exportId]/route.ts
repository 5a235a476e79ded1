import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { tenantExportResponseSchema } from '@/lib/contracts/exports'
import { getTenantExport } from '@/lib/multi-tenant/export'

export const dynamic = 'force-dynamic'

/** `{ export }`: its status and, once ready, `downloadUrl`. */
export const GET = tenantRoute<{ id: string; exportId: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(tenantExportResponseSchema, { export: await getTenantExport(caller, params.id, params.exportId) }),
)
