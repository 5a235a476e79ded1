import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { accessRequestDecisionSchema, accessRequestResponseSchema } from '@/lib/contracts/requests'
import { decideAccessRequest, reachedBy } from '@/lib/multi-tenant/requests'

export const dynamic = 'force-dynamic'

type Params = { slug: string; id: string }

/**
 * `{ decision: "approve" | "reject", role?, note? }` -> `{ request }`. Approving makes the
 * requester a member with `role` (default user) in the same transaction, audited; 409 when
 * already decided, 403 for one's own request, 429 when the tenant has no seat left.
 */
export const POST = tenantRoute<Params, typeof accessRequestDecisionSchema>(
  { minRole: 'admin', body: accessRequestDecisionSchema },
  async ({ caller, body, params, request }) =>
    contractJson(accessRequestResponseSchema, {
      request: await decideAccessRequest(caller, caller.tenant, params.id, body, reachedBy(request)),
    }),
)
