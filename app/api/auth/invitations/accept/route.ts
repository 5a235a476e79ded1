import { contractJson } from '@/lib/http/route'
import { platformRoute } from '@/lib/http/tenant-route'
import { acceptInvitationResponseSchema, acceptInvitationSchema } from '@/lib/contracts/auth'
import { acceptInvitation } from '@/lib/multi-tenant/members'

export const dynamic = 'force-dynamic'

/** `{ token }` by the invited address's signed-in user -> `{ membership: { tenantId, role } }`. */
export const POST = platformRoute({ body: acceptInvitationSchema }, async ({ caller, body }) =>
  contractJson(acceptInvitationResponseSchema, { membership: await acceptInvitation(caller, body.token) }),
)
