import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { jobListQuerySchema, jobListResponseSchema } from '@/lib/contracts/knowledge-jobs'
import { jobEventStream, listKnowledgeJobs } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/**
 * `?limit` -> `{ jobs }`, most recently changed first. With `Accept: text/event-stream`:
 * a `jobs` event with that list, then a `job` event for every change.
 */
export const GET = tenantRoute<{ id: string }, undefined, typeof jobListQuerySchema>(
  { by: 'id', minRole: 'admin', query: jobListQuerySchema },
  async ({ caller, query, params, request }) => {
    const { limit } = query
    const jobs = await listKnowledgeJobs(caller, params.id, limit)
    if (!(request.headers.get('accept') ?? '').includes('text/event-stream')) return contractJson(jobListResponseSchema, { jobs })
    return jobEventStream(jobs, (since) => listKnowledgeJobs(caller, params.id, limit, since), request.signal)
  },
)
