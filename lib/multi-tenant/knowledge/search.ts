import { similarityCalibration } from '@/lib/ai/embedding-calibration'
import type { Queryable } from '@/lib/db'
import { lexicalQuery } from './query-text'
import type { z } from 'zod'
import type { searchOptionsSchema } from '@/lib/contracts/knowledge'

/*
 * The TypeScript side of public.match_tenant_chunks (migration
 * 20261201002200_knowledge_search_bm25.sql, scoped by 20261206030600), which does the retrieval, BM25 and vector
 * fused, and the relevance decision inside the database under the caller's RLS.
 */

/**
 * Tenants with at most this many chunks of the query's model are searched exactly;
 * bigger ones through the HNSW index with iterative scans. On PGlite an exact scan costs
 * about 5 µs per 1536-dimension chunk, so 5000 chunks stay within a 30 ms budget
 * (bench/retrieval.ts); on a native server the same scan is several times cheaper.
 */
export const EXACT_SEARCH_MAX_CHUNKS = 5_000

/**
 * Below this cosine similarity a row counts as far from the query, where HNSW's order is
 * unreliable: an HNSW answer that would include such rows is redone exactly.
 */
export const FAR_SIMILARITY = 0.3

/** Bounds an iterative HNSW scan on real PostgreSQL (PGlite has no timer to enforce it). */
export const SEARCH_STATEMENT_TIMEOUT = '5s'

export type SearchHit = {
  /** The chunk's id. */
  id: string
  knowledgeId: string
  title: string
  heading: string | null
  snippet: string
  content: string
  /**
   * Relevance in [0, 1]: the evidence that the chunk bears on the query, from the share of
   * the query's rare words it holds and its calibrated vector similarity.
   */
  score: number
  /** Cosine similarity of the chunk to the query (0 for a chunk without a vector). */
  similarity: number
  /** The IDF-weighted share of the query's words the chunk contains, in [0, 1]. */
  coverage: number
}

type MatchRow = {
  chunk_id: string
  knowledge_id: string
  title: string
  heading: string | null
  content: string
  similarity: number
  coverage: number
  relevance: number
}

export type ChunkQuery = {
  tenantId: string
  query: string
  /** pgvector text of the query's embedding, padded to the column. */
  embedding: string
  model: string
  options: z.output<typeof searchOptionsSchema>
  exactMaxChunks: number
  farSimilarity: number
  /** An advisor's collections; null searches the whole knowledge base the caller reads. */
  collectionIds?: string[] | null
}

const SNIPPET_CHARS = 240

function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])]
}

/** About SNIPPET_CHARS of the chunk, starting a little before the first query word it contains. */
export function snippetFor(content: string, query: string): string {
  const text = content.replace(/\s+/g, ' ').trim()
  if (text.length <= SNIPPET_CHARS) return text
  const lower = text.toLowerCase()
  const hits = queryWords(query)
    .map((word) => lower.indexOf(word))
    .filter((index) => index >= 0)
  let start = hits.length > 0 ? Math.max(0, Math.min(...hits) - 60) : 0
  start = Math.min(start, text.length - SNIPPET_CHARS)
  if (start > 0) {
    const space = text.indexOf(' ', start)
    start = space >= 0 && space < start + 30 ? space + 1 : start
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    end = space > start + SNIPPET_CHARS / 2 ? space : end
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
}

export async function matchChunks(tx: Queryable, request: ChunkQuery): Promise<SearchHit[]> {
  const { options } = request
  const [saved] = await tx.query<{ previous: string }>(
    "select current_setting('statement_timeout') as previous, set_config('statement_timeout', $1, true)",
    [SEARCH_STATEMENT_TIMEOUT],
  )
  const calibration = similarityCalibration(request.model)
  const rows = await tx.query<MatchRow>(
    `select chunk_id, knowledge_id, title, heading, content, similarity, coverage, relevance
       from public.match_tenant_chunks($1, $2::extensions.vector, $3, $4, $5, $6, $7, $8::text[], $9::text[], $10, $11, $12, $13, $14::uuid[])`,
    [
      request.tenantId,
      request.embedding,
      lexicalQuery(request.query),
      request.model,
      options.limit,
      options.matchThreshold,
      options.category ?? null,
      options.tags?.map((tag) => tag.toLowerCase()) ?? null,
      options.elementalTags ?? null,
      request.exactMaxChunks,
      request.farSimilarity,
      calibration.floor,
      calibration.ceiling,
      request.collectionIds ?? null,
    ],
  )
  await tx.query("select set_config('statement_timeout', $1, true)", [saved?.previous ?? '0'])
  return rows.map((row) => ({
    id: row.chunk_id,
    knowledgeId: row.knowledge_id,
    title: row.title,
    heading: row.heading,
    snippet: snippetFor(row.content, request.query),
    content: row.content,
    score: Number(row.relevance),
    similarity: Number(row.similarity),
    coverage: Number(row.coverage),
  }))
}
