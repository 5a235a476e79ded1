import { json, parseJson, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
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
 * `{ email, role }`: an existing account -> 201 `{ member }`; an unknown address -> 201
 * `{ invitation: { email, role, expiresAt, acceptUrl } }`. There is no mail server, so
 * the admin passes the accept link on.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  const input = await parseJson(request, addMemberSchema)
  const result = await addMember(await getDatabase(), actor, id, input, new URL(request.url).origin)
  return json(result, 201)
})
