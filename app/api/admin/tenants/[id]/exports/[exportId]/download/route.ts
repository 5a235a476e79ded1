import { archiveResponse } from '@/lib/http/archive-response'
import { tenantRoute } from '@/lib/http/tenant-route'
import { downloadTenantExport } from '@/lib/multi-tenant/export'

export const dynamic = 'force-dynamic'

/** The archive (zip of NDJSON files and the originals), streamed; 409 until it is ready; audited. */
export const GET = tenantRoute<{ id: string; exportId: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  archiveResponse(await downloadTenantExport(caller, params.id, params.exportId)),
)
