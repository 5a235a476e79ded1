import { previewRequestSchema, previewResponseSchema } from '@/lib/contracts/oracle'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { previewAnswer } from '@/lib/multi-tenant/oracle'

export const dynamic = 'force-dynamic'

/**
 * The dashboard's live preview (tenant admins and platform admins):
 * `{ input, draft: { brandVoice, maiaPersonality, elementalSignature } }` -> an answer in the
 * draft voice. Nothing is stored and no usage is counted.
 */
export const POST = tenantRoute<{ slug: string }, typeof previewRequestSchema>(
  { minRole: 'admin', body: previewRequestSchema },
  async ({ caller, body }) => contractJson(previewResponseSchema, await previewAnswer(caller, body)),
)
