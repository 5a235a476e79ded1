import { json, parseJson, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { publicOrigin } from '@/lib/auth/request-host'
import { addMember, addMemberSchema, listMembers } from '@/lib/multi-tenant/members/members'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

/** `{ members: [{ userId, email, role, createdAt }], invitations: [pending] }`. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  return json(await listMembers(await getDatabase(), actor, id))
})

/**
 * `{ email, role }` -> 201 `{ invitation: { email, role, expiresAt } }`, the same whether
 * or not the address has an account; the accept link goes to the address by mail.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  const input = await parseJson(request, addMemberSchema)
  const result = await addMember(await getDatabase(), actor, id, input, publicOrigin(request))
  return json(result, 201)
})
