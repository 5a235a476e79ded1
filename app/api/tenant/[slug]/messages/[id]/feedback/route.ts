import { json } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { rateAnswer } from '@/lib/multi-tenant/conversations'
import { feedbackRequestSchema } from '@/lib/multi-tenant/oracle'

export const dynamic = 'force-dynamic'

/** `{ value: 1 | -1 | null }` rates an answer in one of the caller's own conversations. */
export const POST = tenantRoute<{ slug: string; id: string }, typeof feedbackRequestSchema>(
  { minRole: 'signed-in', body: feedbackRequestSchema },
  async ({ caller, body, params }) => {
    await rateAnswer(caller, caller.tenant.id, params.id, body.value)
    return json({ id: params.id, feedback: body.value })
  },
)
