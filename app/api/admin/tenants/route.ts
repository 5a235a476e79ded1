import { json, parseJson, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'
import { tenantCreateSchema } from '@/lib/multi-tenant/tenants/schema'
import { createTenant, listTenants } from '@/lib/multi-tenant/tenants/tenants'

export const dynamic = 'force-dynamic'

/** Platform admins see every tenant, tenant admins the ones they run. */
export const GET = route(async (request: Request) => {
  const actor = await requireActor(request)
  return json({ tenants: await listTenants(await getDatabase(), actor) })
})

/** Platform admins only. */
export const POST = route(async (request: Request) => {
  const actor = await requireActor(request)
  const input = await parseJson(request, tenantCreateSchema)
  return json({ tenant: await createTenant(await getDatabase(), actor, input) }, 201)
})
