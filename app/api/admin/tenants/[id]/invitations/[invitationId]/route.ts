import { tenantRoute } from '@/lib/http/tenant-route'
import { revokeInvitation } from '@/lib/multi-tenant/members'

export const dynamic = 'force-dynamic'

/** 204: the invitation is withdrawn and its link stops working; 404 for one that is not pending in this tenant. */
export const DELETE = tenantRoute<{ id: string; invitationId: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) => {
  await revokeInvitation(caller, params.id, params.invitationId)
  return new Response(null, { status: 204 })
})
