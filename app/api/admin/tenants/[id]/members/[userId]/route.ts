import { json, parseJson, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { changeMemberRole, changeRoleSchema, removeMember } from '@/lib/multi-tenant/members/members'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string; userId: string }> }

/** `{ role }` -> `{ member }`; demoting the tenant's last admin is a 409. */
export const PATCH = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id, userId } = await params
  const { role } = await parseJson(request, changeRoleSchema)
  return json({ member: await changeMemberRole(await getDatabase(), actor, id, userId, role) })
})

/** 204; removing the tenant's last admin is a 409. */
export const DELETE = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id, userId } = await params
  await removeMember(await getDatabase(), actor, id, userId)
  return new Response(null, { status: 204 })
})
