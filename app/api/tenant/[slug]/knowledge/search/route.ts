import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { knowledgeSearchResponseSchema, knowledgeSearchSchema } from '@/lib/contracts/knowledge'
import { searchAsMember } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/**
 * `{ query, limit?, matchThreshold?, category?, tags?, elementalTags? }` ->
 * `{ results: [{ id, knowledgeId, title, heading, snippet, score }] }` for the tenant's
 * members, best match first; `score` is the passage's relevance to the query, in [0, 1].
 */
export const POST = tenantRoute<{ slug: string }, typeof knowledgeSearchSchema>(
  { minRole: 'signed-in', body: knowledgeSearchSchema },
  async ({ caller, body }) => contractJson(knowledgeSearchResponseSchema, { results: await searchAsMember(caller, body) }),
)
