import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import type { Caller } from '@/lib/multi-tenant/access'
import { AppError } from '@/lib/errors'
import type { z } from 'zod'
import { defaultEmbedder } from '@/lib/ai/env-config'
import { embedAll } from './prepare'
import type { knowledgeSearchSchema, SearchResult } from '@/lib/contracts/knowledge'
import type { TenantRoute } from '@/lib/multi-tenant/tenants'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'

/**
 * Knowledge search for the tenant's members (viewer and up) and platform admins. Visitors
 * of a public tenant are not served here: they get passages only as the sources of an
 * oracle answer, which is rate limited per address. A signed-in outsider gets 404 for a
 * private tenant (its existence is not confirmed) and 403 for a public one.
 */
export async function searchAsMember(
  caller: Caller & { tenant: TenantRoute },
  body: z.output<typeof knowledgeSearchSchema>,
  embedder: EmbeddingProvider = defaultEmbedder(),
): Promise<SearchResult[]> {
  const { tenant } = caller
  if (!caller.role && !caller.isPlatformAdmin) {
    if (tenant.publicAccess) throw new AppError('forbidden', "Only this tenant's members can search its knowledge.")
    throw new AppError('not_found', 'No such tenant.')
  }
  if (!tenant.serving && !caller.isPlatformAdmin) {
    throw new AppError('tenant_inactive', 'This tenant is not active at the moment.')
  }
  // Embedded before the transaction: the embedding service may be a network call.
  const [embedding] = await embedAll(embedder, [body.query])
  const { query, ...options } = body
  const hits = await caller.run((tx) =>
    new TenantKnowledgeBase(tenant.id, tx, { embedder }).searchWithEmbedding(query, embedding ?? null, options),
  )
  return hits.map(({ id, knowledgeId, title, heading, snippet, score }) => ({ id, knowledgeId, title, heading, snippet, score }))
}
