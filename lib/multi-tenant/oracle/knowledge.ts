import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { isOverviewQuestion } from '@/lib/ai/offline/question-kind'
import type { SourcePassage } from '@/lib/ai/offline/responder'
import type { Queryable } from '@/lib/db'
import type { PromptDocument } from '@/lib/engine'
import { ANSWER_RELEVANCE, embedAll, sourceOrigins } from '@/lib/multi-tenant/knowledge'
import { overviewPassages } from './overview'
import type { KnowledgeSource } from '@/lib/contracts/oracle'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'

/** Passages per answer: enough to ground it, few enough to keep the prompt small. */
export const PASSAGES_PER_ANSWER = 5

export type RetrievedPassage = KnowledgeSource & { content: string; heading: string | null }

/**
 * The query's vector, computed before the search's transaction opens: the embedding call
 * is a network round trip, and a transaction held open across it would stall every other
 * request on the embedded database. null for a query without a single word.
 */
export async function embedQuery(embedder: EmbeddingProvider, query: string): Promise<string | null> {
  const [vector] = await embedAll(embedder, [query])
  return vector ?? null
}

/**
 * The tenant's passages that best match the question, under the caller's RLS; for a
 * question about what the assistant knows at all, an overview of the tenant's documents.
 */
export async function retrievePassages(
  tx: Queryable,
  tenantId: string,
  embedder: EmbeddingProvider,
  query: string,
  vector: string | null,
  collectionIds: string[] | null = null,
): Promise<RetrievedPassage[]> {
  if (isOverviewQuestion(query)) return overviewPassages(tx, tenantId, PASSAGES_PER_ANSWER)
  const kb = new TenantKnowledgeBase(tenantId, tx, { embedder })
  const hits = await kb.searchWithEmbedding(query, vector, { limit: PASSAGES_PER_ANSWER, matchThreshold: ANSWER_RELEVANCE }, collectionIds)
  const origins = await sourceOrigins(
    tx,
    tenantId,
    hits.map((hit) => hit.knowledgeId),
  )
  return hits.map((hit) => ({
    id: hit.id,
    knowledgeId: hit.knowledgeId,
    title: hit.title,
    snippet: hit.snippet,
    score: hit.score,
    content: hit.content,
    heading: hit.heading,
    origin: origins.get(hit.knowledgeId),
  }))
}

export function toSources(passages: readonly RetrievedPassage[]): KnowledgeSource[] {
  return passages.map(({ id, knowledgeId, title, snippet, score, origin }) => ({
    id,
    knowledgeId,
    title,
    snippet,
    score,
    ...(origin ? { origin } : {}),
  }))
}

/** Documents for the model's data block, numbered from 1 in the same order as the sources. */
export function toDocuments(passages: readonly RetrievedPassage[]): PromptDocument[] {
  return passages.map((passage) => ({
    id: passage.id,
    title: passage.heading ? `${passage.title} — ${passage.heading}` : passage.title,
    content: passage.content,
  }))
}

/** Passages for the offline responder, cited by the same numbers. */
export function toSourcePassages(passages: readonly RetrievedPassage[]): SourcePassage[] {
  return passages.map((passage, position) => ({
    index: position + 1,
    title: passage.title,
    heading: passage.heading,
    content: passage.content,
    score: passage.score,
  }))
}
