import type { z } from 'zod'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { defaultEmbedder } from '@/lib/ai/env-config'
import type { knowledgeSearchSchema, SearchResult } from '@/lib/contracts/knowledge'
import type { KeyCaller } from '@/lib/multi-tenant/api-keys'
import { embedAll } from '@/lib/multi-tenant/knowledge'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'

/** The members' knowledge search, for a key with `knowledge:read`: the same ranking, under the key's RLS. */
export async function searchAsKey(
  caller: KeyCaller,
  body: z.output<typeof knowledgeSearchSchema>,
  embedder: EmbeddingProvider = defaultEmbedder(),
): Promise<SearchResult[]> {
  // Embedded before the transaction: the embedding service may be a network call.
  const [embedding] = await embedAll(embedder, [body.query])
  const { query, ...options } = body
  const hits = await caller.run((tx) =>
    new TenantKnowledgeBase(caller.tenantId, tx, { embedder }).searchWithEmbedding(query, embedding ?? null, options),
  )
  return hits.map(({ id, knowledgeId, title, heading, snippet, score }) => ({ id, knowledgeId, title, heading, snippet, score }))
}
