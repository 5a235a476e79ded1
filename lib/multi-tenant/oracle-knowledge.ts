import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import type { SourcePassage } from '@/lib/ai/local-responder'
import type { Queryable } from '@/lib/db'
import type { KnowledgeDocument } from '@/lib/engine'
import type { KnowledgeSource } from './oracle-types'
import { TenantKnowledgeBase } from './TenantKnowledgeBase'

/** Passages per answer: enough to ground it, few enough to keep the prompt small. */
export const PASSAGES_PER_ANSWER = 5

export type RetrievedPassage = KnowledgeSource & { content: string; heading: string | null }

/**
 * Hands the knowledge base a query vector computed earlier, outside any transaction:
 * the embedding call is a network round trip, and a transaction held open across it
 * would stall every other request on the embedded database.
 */
class PrecomputedEmbedder implements EmbeddingProvider {
  constructor(
    private readonly inner: EmbeddingProvider,
    private readonly text: string,
    private readonly vector: number[],
  ) {}

  get model(): string {
    return this.inner.model
  }

  get dimensions(): number {
    return this.inner.dimensions
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.every((text) => text === this.text)) return texts.map(() => this.vector)
    return this.inner.embed(texts)
  }
}

export async function embedQuery(embedder: EmbeddingProvider, query: string): Promise<number[]> {
  const [vector] = await embedder.embed([query])
  return vector ?? []
}

/** The tenant's passages that best match the question, under the caller's RLS. */
export async function retrievePassages(
  tx: Queryable,
  tenantId: string,
  embedder: EmbeddingProvider,
  query: string,
  vector: number[],
): Promise<RetrievedPassage[]> {
  const kb = new TenantKnowledgeBase(tenantId, tx, { embedder: new PrecomputedEmbedder(embedder, query, vector) })
  const results = await kb.search(query, { limit: PASSAGES_PER_ANSWER })
  return results.map((result) => ({
    id: result.id,
    knowledgeId: result.knowledgeId,
    title: result.title,
    snippet: result.snippet,
    score: result.score,
    content: result.content,
    heading: result.heading ?? null,
  }))
}

export function toSources(passages: readonly RetrievedPassage[]): KnowledgeSource[] {
  return passages.map(({ id, knowledgeId, title, snippet, score }) => ({ id, knowledgeId, title, snippet, score }))
}

/** Documents for the model's data block, numbered from 1 in the same order as the sources. */
export function toDocuments(passages: readonly RetrievedPassage[]): KnowledgeDocument[] {
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
    content: passage.content,
    score: passage.score,
  }))
}
