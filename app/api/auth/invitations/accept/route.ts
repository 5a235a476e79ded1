import { clientIp } from '@/lib/http/client-ip'
import { json, parseJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { acceptInvitationSchema } from '@/lib/auth/schemas'
import { getDatabase } from '@/lib/db'
import { acceptInvitation } from '@/lib/multi-tenant/members/invitations'

export const dynamic = 'force-dynamic'

/** `{ token }` by the invited address's signed-in user -> `{ membership: { tenantId, role } }`. */
export const POST = route(async (request: Request) => {
  const session = await requireSession(request)
  const { token } = await parseJson(request, acceptInvitationSchema)
  const accepted = await acceptInvitation(await getDatabase(), session.claims, token, clientIp(request))
  return json({ membership: accepted })
})
