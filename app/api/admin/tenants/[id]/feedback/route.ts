import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { feedbackReviewResponseSchema } from '@/lib/contracts/feedback'
import { reviewFeedback } from '@/lib/multi-tenant/feedback'

export const dynamic = 'force-dynamic'

/** `{ summary: { up, down, byDay, byElement, byPhase, byDocument }, lowRated }`: for the tenant's own admins only. */
export const GET = tenantRoute<{ id: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(feedbackReviewResponseSchema, await reviewFeedback(caller, params.id)),
)
