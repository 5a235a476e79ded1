import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { tenantExportListSchema, tenantExportResponseSchema } from '@/lib/contracts/exports'
import { listTenantExports, requestTenantExport } from '@/lib/multi-tenant/export'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** The tenant's latest exports, newest first. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(tenantExportListSchema, { exports: await listTenantExports(caller, params.id) }),
)

/** 202 `{ export: { id, status } }`: the archive is built in the background; audited. */
export const POST = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(tenantExportResponseSchema, { export: await requestTenantExport(caller, params.id) }, 202),
)
