import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { changeRoleSchema, memberResponseSchema } from '@/lib/contracts/members'
import { changeMemberRole, removeMember } from '@/lib/multi-tenant/members'
import { updatedMemberResponseSchema, updateMemberSchema } from '@/lib/contracts/tiers'
import { updateMembership } from '@/lib/multi-tenant/tiers'

export const dynamic = 'force-dynamic'

type Params = { id: string; userId: string }

/** `{ role }` -> `{ member }`; demoting the tenant's last admin is a 409. */
export const PATCH = tenantRoute<Params, typeof changeRoleSchema>(
  { by: 'id', minRole: 'admin', body: changeRoleSchema },
  async ({ caller, body, params }) =>
    contractJson(memberResponseSchema, { member: await changeMemberRole(caller, params.id, params.userId, body.role) }),
)

/** `{ role?, tierId? }` -> `{ member }` with its tier (null = none); an unknown tier is 404, demoting the last admin 409. */
export const PUT = tenantRoute<Params, typeof updateMemberSchema>(
  { by: 'id', minRole: 'admin', body: updateMemberSchema },
  async ({ caller, body, params }) =>
    contractJson(updatedMemberResponseSchema, { member: await updateMembership(caller, params.id, params.userId, body) }),
)

/** 204; an admin removes a member, anyone removes themselves (leaves); removing the tenant's last admin is a 409. */
export const DELETE = tenantRoute<Params>({ by: 'id', minRole: 'signed-in' }, async ({ caller, params }) => {
  await removeMember(caller, params.id, params.userId)
  return new Response(null, { status: 204 })
})
