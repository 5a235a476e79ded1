import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { jobResponseSchema } from '@/lib/contracts/knowledge-jobs'
import { requestReextract } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/**
 * 202 `{ job }`: reads the document again from its stored original; its text and chunks
 * are replaced when the job is done. 404 when no original is stored (a document added as text).
 */
export const POST = tenantRoute<{ id: string; knowledgeId: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(jobResponseSchema, { job: await requestReextract(caller, params.id, params.knowledgeId) }, 202),
)
