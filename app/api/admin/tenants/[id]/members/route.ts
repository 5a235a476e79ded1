import { json } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { publicOrigin } from '@/lib/auth/request-host'
import { addMember, addMemberSchema, listMembers } from '@/lib/multi-tenant/members'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `{ members: [{ userId, email, role, createdAt }], invitations: [pending] }`. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  json(await listMembers(caller, params.id)),
)

/**
 * `{ email, role }` -> 201 `{ invitation: { email, role, expiresAt } }`, the same whether
 * or not the address has an account; the accept link goes to the address by mail.
 */
export const POST = tenantRoute<Params, typeof addMemberSchema>(
  { by: 'id', minRole: 'admin', body: addMemberSchema },
  async ({ caller, body, params, request }) => json(await addMember(caller, params.id, body, publicOrigin(request)), 201),
)
