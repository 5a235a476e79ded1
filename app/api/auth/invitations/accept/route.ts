import { json } from '@/lib/http/route'
import { platformRoute } from '@/lib/http/tenant-route'
import { acceptInvitationSchema } from '@/lib/auth/schemas'
import { acceptInvitation } from '@/lib/multi-tenant/members'

export const dynamic = 'force-dynamic'

/** `{ token }` by the invited address's signed-in user -> `{ membership: { tenantId, role } }`. */
export const POST = platformRoute({ body: acceptInvitationSchema }, async ({ caller, body }) =>
  json({ membership: await acceptInvitation(caller, body.token) }),
)
