import { contractJson } from '@/lib/http/route'
import { platformRoute } from '@/lib/http/tenant-route'
import { resourceRequestDecisionSchema, resourceRequestResponseSchema } from '@/lib/contracts/requests'
import { decideResourceRequest, reachedBy } from '@/lib/multi-tenant/requests'

export const dynamic = 'force-dynamic'

/**
 * `{ decision: "approve" | "reject", note }` -> `{ request }`, by a platform admin (403
 * otherwise, and for their own request). Approval applies the plan, limits or restricted
 * access in the transaction that writes the decision and the tenant's audit row.
 */
export const POST = platformRoute<{ id: string }, typeof resourceRequestDecisionSchema>(
  { body: resourceRequestDecisionSchema },
  async ({ caller, body, params, request }) =>
    contractJson(resourceRequestResponseSchema, { request: await decideResourceRequest(caller, params.id, body, reachedBy(request)) }),
)
