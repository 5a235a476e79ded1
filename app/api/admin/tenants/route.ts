import { contractJson } from '@/lib/http/route'
import { platformRoute } from '@/lib/http/tenant-route'
import { tenantCreateSchema, tenantListResponseSchema, tenantResponseSchema } from '@/lib/contracts/tenants'
import { createTenant, listTenants } from '@/lib/multi-tenant/tenants'

export const dynamic = 'force-dynamic'

/** Platform admins see every tenant, tenant admins the ones they run. */
export const GET = platformRoute({}, async ({ caller }) => contractJson(tenantListResponseSchema, { tenants: await listTenants(caller) }))

/** Platform admins only. */
export const POST = platformRoute({ body: tenantCreateSchema }, async ({ caller, body }) =>
  contractJson(tenantResponseSchema, { tenant: await createTenant(caller, body) }, 201),
)
