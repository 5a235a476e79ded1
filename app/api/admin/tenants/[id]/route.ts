import { json, parseJson, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'
import { tenantDeleteSchema, tenantUpdateSchema } from '@/lib/multi-tenant/tenants/schema'
import { deleteTenant, getTenant, updateTenant } from '@/lib/multi-tenant/tenants/tenants'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  return json({ tenant: await getTenant(await getDatabase(), actor, id) })
})

export const PUT = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  const input = await parseJson(request, tenantUpdateSchema)
  return json({ tenant: await updateTenant(await getDatabase(), actor, id, input) })
})

/** Body `{ confirm: "<slug>" }`; platform admins only. */
export const DELETE = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  const { confirm } = await parseJson(request, tenantDeleteSchema)
  await deleteTenant(await getDatabase(), actor, id, confirm)
  return new Response(null, { status: 204 })
})
