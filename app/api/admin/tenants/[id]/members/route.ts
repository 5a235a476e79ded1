import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { publicOrigin } from '@/lib/auth/request-host'
import { addMemberResponseSchema, addMemberSchema, memberListResponseSchema } from '@/lib/contracts/members'
import { addMember, listMembers } from '@/lib/multi-tenant/members'

export const dynamic = 'force-dynamic'

type Params = { id: string }

export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(memberListResponseSchema, await listMembers(caller, params.id)),
)

/**
 * `{ email, role }` -> 201 `{ invitation: { email, role, expiresAt } }`, the same whether
 * or not the address has an account; the accept link goes to the address by mail.
 */
export const POST = tenantRoute<Params, typeof addMemberSchema>(
  { by: 'id', minRole: 'admin', body: addMemberSchema },
  async ({ caller, body, params, request }) =>
    contractJson(addMemberResponseSchema, await addMember(caller, params.id, body, publicOrigin(request)), 201),
)
