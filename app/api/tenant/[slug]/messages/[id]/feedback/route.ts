import { feedbackRequestSchema, feedbackResponseSchema } from '@/lib/contracts/conversations'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { rateAnswer } from '@/lib/multi-tenant/conversations'

export const dynamic = 'force-dynamic'

/** `{ value: 1 | -1 | null }` rates an answer in one of the caller's own conversations. */
export const POST = tenantRoute<{ slug: string; id: string }, typeof feedbackRequestSchema>(
  { minRole: 'signed-in', body: feedbackRequestSchema },
  async ({ caller, body, params }) => {
    await rateAnswer(caller, caller.tenant.id, params.id, body.value)
    return contractJson(feedbackResponseSchema, { id: params.id, feedback: body.value })
  },
)
