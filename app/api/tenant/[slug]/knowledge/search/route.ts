import { json } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { searchAsMember } from '@/lib/multi-tenant/knowledge'
import { searchBodySchema } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/**
 * `{ query, limit?, matchThreshold?, category?, tags?, elementalTags? }` ->
 * `{ results: [{ id, knowledgeId, title, heading, snippet, score }] }` for the tenant's
 * members; `score` is the cosine similarity to the query.
 */
export const POST = tenantRoute<{ slug: string }, typeof searchBodySchema>(
  { minRole: 'signed-in', body: searchBodySchema },
  async ({ caller, body }) => json({ results: await searchAsMember(caller, body) }),
)
