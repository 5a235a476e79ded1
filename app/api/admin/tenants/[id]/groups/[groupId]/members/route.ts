import { groupMemberInputSchema, groupSchema } from '@/lib/contracts/groups'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { addGroupMember, removeGroupMember } from '@/lib/multi-tenant/groups'

export const dynamic = 'force-dynamic'

type Params = { id: string; groupId: string }

/** `{ userId }` (a member of the tenant) -> the group with its members; audited. */
export const POST = tenantRoute<Params, typeof groupMemberInputSchema>(
  { by: 'id', minRole: 'admin', body: groupMemberInputSchema },
  async ({ caller, body, params }) => contractJson(groupSchema, await addGroupMember(caller, params.id, params.groupId, body.userId)),
)

/** `{ userId }` -> the group without them (404 when they were not in it); audited. */
export const DELETE = tenantRoute<Params, typeof groupMemberInputSchema>(
  { by: 'id', minRole: 'admin', body: groupMemberInputSchema },
  async ({ caller, body, params }) => contractJson(groupSchema, await removeGroupMember(caller, params.id, params.groupId, body.userId)),
)
