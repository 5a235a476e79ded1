import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { jobResponseSchema } from '@/lib/contracts/knowledge-jobs'
import { getKnowledgeJob } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/** `{ job: { id, kind, fileName, status, progress, documentId?, duplicate?, error?, ... } }`; 404 for another tenant's job. */
export const GET = tenantRoute<{ id: string; jobId: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(jobResponseSchema, { job: await getKnowledgeJob(caller, params.id, params.jobId) }),
)
