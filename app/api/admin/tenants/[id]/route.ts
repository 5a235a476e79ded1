import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { tenantDeleteSchema, tenantResponseSchema, tenantUpdateSchema } from '@/lib/contracts/tenants'
import { deleteTenant, getTenant, updateTenant } from '@/lib/multi-tenant/tenants'

export const dynamic = 'force-dynamic'

type Params = { id: string }

export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(tenantResponseSchema, { tenant: await getTenant(caller, params.id) }),
)

export const PUT = tenantRoute<Params, typeof tenantUpdateSchema>(
  { by: 'id', minRole: 'admin', body: tenantUpdateSchema },
  async ({ caller, body, params }) => contractJson(tenantResponseSchema, { tenant: await updateTenant(caller, params.id, body) }),
)

/** Body `{ confirm: "<slug>" }`; platform admins only. */
export const DELETE = tenantRoute<Params, typeof tenantDeleteSchema>(
  { by: 'id', minRole: 'admin', body: tenantDeleteSchema },
  async ({ caller, body, params }) => {
    await deleteTenant(caller, params.id, body.confirm)
    return new Response(null, { status: 204 })
  },
)
