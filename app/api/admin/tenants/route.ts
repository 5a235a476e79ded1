import { json } from '@/lib/http/route'
import { platformRoute } from '@/lib/http/tenant-route'
import { tenantCreateSchema } from '@/lib/multi-tenant/tenants'
import { createTenant, listTenants } from '@/lib/multi-tenant/tenants'

export const dynamic = 'force-dynamic'

/** Platform admins see every tenant, tenant admins the ones they run. */
export const GET = platformRoute({}, async ({ caller }) => json({ tenants: await listTenants(caller) }))

/** Platform admins only. */
export const POST = platformRoute({ body: tenantCreateSchema }, async ({ caller, body }) =>
  json({ tenant: await createTenant(caller, body) }, 201),
)
