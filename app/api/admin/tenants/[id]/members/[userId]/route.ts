import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { changeRoleSchema, memberResponseSchema } from '@/lib/contracts/members'
import { changeMemberRole, removeMember } from '@/lib/multi-tenant/members'

export const dynamic = 'force-dynamic'

type Params = { id: string; userId: string }

/** `{ role }` -> `{ member }`; demoting the tenant's last admin is a 409. */
export const PATCH = tenantRoute<Params, typeof changeRoleSchema>(
  { by: 'id', minRole: 'admin', body: changeRoleSchema },
  async ({ caller, body, params }) =>
    contractJson(memberResponseSchema, { member: await changeMemberRole(caller, params.id, params.userId, body.role) }),
)

/** 204; an admin removes a member, anyone removes themselves (leaves); removing the tenant's last admin is a 409. */
export const DELETE = tenantRoute<Params>({ by: 'id', minRole: 'signed-in' }, async ({ caller, params }) => {
  await removeMember(caller, params.id, params.userId)
  return new Response(null, { status: 204 })
})
