import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { publicOrigin } from '@/lib/auth/request-host'
import { invitationResponseSchema } from '@/lib/contracts/members'
import { resendInvitation } from '@/lib/multi-tenant/members'

export const dynamic = 'force-dynamic'

/** 201 `{ invitation }`: a new link mailed to the same address; the old link stops working. */
export const POST = tenantRoute<{ id: string; invitationId: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params, request }) =>
  contractJson(
    invitationResponseSchema,
    { invitation: await resendInvitation(caller, params.id, params.invitationId, publicOrigin(request)) },
    201,
  ),
)
