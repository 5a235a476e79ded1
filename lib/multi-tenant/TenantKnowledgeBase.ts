import type { z } from 'zod'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import type { Queryable } from '@/lib/db'
import { AppError, badRequestFromZod } from '@/lib/errors'
import { contentHash } from '@/lib/ingest'
import { defaultEmbedder } from './ai-config'
import { recordAudit } from './audit'
import {
  findByHash,
  getDocument,
  isUuid,
  listDocuments,
  type KnowledgeDocument,
  type KnowledgePage,
} from './knowledge-documents'
import {
  embedAll,
  embeddingText,
  prepareKnowledge,
  validKnowledgeInput,
  type PreparedChunk,
  type PreparedKnowledge,
} from './knowledge-prepare'
import { listQuerySchema, searchOptionsSchema, type KnowledgeInput, type ListQuery, type SearchOptions } from './knowledge-schema'
import { EXACT_SEARCH_MAX_CHUNKS, FAR_SIMILARITY, matchChunks, type SearchHit } from './knowledge-search'
import { rethrowStorageFull } from './storage-usage'

export type { KnowledgeDocument, KnowledgePage, KnowledgeSummary } from './knowledge-documents'
export type { PreparedKnowledge } from './knowledge-prepare'
export type { KnowledgeInput, SearchOptions } from './knowledge-schema'
export type { SearchHit } from './knowledge-search'

export type AddResult = { id: string; chunkCount: number; duplicate: boolean }

export type KnowledgeBaseOptions = {
  /** Defaults to the process's configured embedder (OpenAI-compatible or offline). */
  embedder?: EmbeddingProvider
  /** Written into audit rows. */
  auditIp?: string | null
  /** Tuning for tests and benchmarks; see EXACT_SEARCH_MAX_CHUNKS and FAR_SIMILARITY. */
  exactSearchMaxChunks?: number
  farSimilarity?: number
}

// Rows per INSERT: a chunk's vector is ~15 KB of text, so a statement stays under 1 MB.
const CHUNK_INSERT_BATCH = 50
const REINDEX_BATCH = 128

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw badRequestFromZod(result.error)
  return result.data
}

/**
 * One tenant's knowledge: documents, their chunks and embeddings, hybrid search.
 * `db` is a request-scoped transaction (withUser / withAnon), so RLS decides what this
 * object can read and write; the tenant id only narrows it.
 */
export class TenantKnowledgeBase {
  private readonly embedderOverride: EmbeddingProvider | undefined

  constructor(
    readonly tenantId: string,
    private readonly db: Queryable,
    private readonly options: KnowledgeBaseOptions = {},
  ) {
    this.embedderOverride = options.embedder
  }

  get embedder(): EmbeddingProvider {
    return this.embedderOverride ?? defaultEmbedder()
  }

  /**
   * Chunks, embeds and stores a document. A document with the same text already in this
   * tenant is not stored again: its id comes back with `duplicate: true`.
   */
  async addKnowledge(input: KnowledgeInput): Promise<AddResult> {
    const existing = await this.findDuplicate(contentHash(validKnowledgeInput(input).content))
    if (existing) return { id: existing.id, chunkCount: existing.chunkCount, duplicate: true }
    return this.addPrepared(await prepareKnowledge(input, this.embedder))
  }

  /** The document with the same text, if any: lets a caller skip embedding a duplicate. */
  findDuplicate(hash: string): Promise<{ id: string; title: string; chunkCount: number } | null> {
    return findByHash(this.db, this.tenantId, hash)
  }

  /**
   * Stores a document prepared (chunked and embedded) outside the transaction. Everything
   * happens in the caller's transaction: if any statement fails, nothing is left.
   */
  async addPrepared(prepared: PreparedKnowledge): Promise<AddResult> {
    const { input } = prepared
    const inserted = await this.db
      .query<{ id: string; byte_size: number }>(
        `insert into public.tenant_knowledge (tenant_id, title, category, tags, elemental_tags, source_type,
           filename, content, content_hash, token_count, chunk_count, created_by)
         values ($1, $2, $3, $4::text[], $5::text[], $6, $7, $8, $9, $10, $11, (select auth.uid()))
         on conflict (tenant_id, content_hash) do nothing
         returning id, byte_size::float8 as byte_size`,
        [
          this.tenantId,
          input.title,
          input.category,
          input.tags,
          input.elemental_tags,
          input.sourceType,
          input.filename,
          input.content,
          prepared.contentHash,
          prepared.tokenCount,
          prepared.chunks.length,
        ],
      )
      .catch(rethrowStorageFull)
    const row = inserted[0]
    if (!row) {
      // Someone stored the same text between our check and this insert.
      const existing = await this.findDuplicate(prepared.contentHash)
      if (existing) return { id: existing.id, chunkCount: existing.chunkCount, duplicate: true }
      throw new AppError('conflict', 'The document could not be stored; please try again.')
    }
    for (let start = 0; start < prepared.chunks.length; start += CHUNK_INSERT_BATCH) {
      await this.insertChunks(row.id, prepared.model, prepared.chunks.slice(start, start + CHUNK_INSERT_BATCH))
    }
    await recordAudit(this.db, {
      tenantId: this.tenantId,
      action: 'knowledge.add',
      targetType: 'knowledge',
      targetId: row.id,
      after: {
        title: input.title,
        category: input.category,
        tags: input.tags,
        elementalTags: input.elemental_tags,
        sourceType: input.sourceType,
        filename: input.filename,
        byteSize: Number(row.byte_size),
        chunkCount: prepared.chunks.length,
        embeddingModel: prepared.model,
        contentHash: prepared.contentHash,
      },
      ip: this.options.auditIp ?? null,
    })
    return { id: row.id, chunkCount: prepared.chunks.length, duplicate: false }
  }

  private async insertChunks(knowledgeId: string, model: string, chunks: PreparedChunk[]): Promise<void> {
    await this.db.query(
      `insert into public.tenant_knowledge_chunks
         (tenant_id, knowledge_id, chunk_index, heading, content, token_count, embedding, embedding_model)
       select $1, $2, c.chunk_index, c.heading, c.content, c.token_count, c.embedding::extensions.vector, $3
         from unnest($4::int[], $5::text[], $6::text[], $7::int[], $8::text[])
           as c(chunk_index, heading, content, token_count, embedding)`,
      [
        this.tenantId,
        knowledgeId,
        model,
        chunks.map((chunk) => chunk.index),
        chunks.map((chunk) => chunk.heading),
        chunks.map((chunk) => chunk.content),
        chunks.map((chunk) => chunk.tokenCount),
        chunks.map((chunk) => chunk.embedding),
      ],
    )
  }

  /** Hybrid search (vector + full text, fused) over this tenant's chunks; see match_tenant_chunks. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const text = query.trim()
    if (!text) return []
    const [embedding] = await embedAll(this.embedder, [text])
    return this.searchWithEmbedding(text, embedding ?? null, options)
  }

  /** Search with a query embedded beforehand (outside the transaction). */
  async searchWithEmbedding(query: string, embedding: string | null, options: SearchOptions = {}): Promise<SearchHit[]> {
    const valid = parseOrThrow(searchOptionsSchema, options)
    // A query without a single word has neither a direction nor a lexeme to match.
    if (!embedding) return []
    return matchChunks(this.db, {
      tenantId: this.tenantId,
      query,
      embedding,
      model: this.embedder.model,
      options: valid,
      exactMaxChunks: this.options.exactSearchMaxChunks ?? EXACT_SEARCH_MAX_CHUNKS,
      farSimilarity: this.options.farSimilarity ?? FAR_SIMILARITY,
    })
  }

  list(query: ListQuery = {}): Promise<KnowledgePage> {
    return listDocuments(this.db, this.tenantId, parseOrThrow(listQuerySchema, query))
  }

  get(id: string): Promise<KnowledgeDocument | null> {
    return getDocument(this.db, this.tenantId, id)
  }

  /** Deletes a document and (by cascade) its chunks; its storage is released by trigger. */
  async remove(id: string): Promise<void> {
    const rows = isUuid(id)
      ? await this.db.query<{ id: string; title: string; filename: string | null; content_hash: string; byte_size: number; chunk_count: number }>(
          `delete from public.tenant_knowledge where tenant_id = $1 and id = $2
           returning id, title, filename, content_hash, byte_size::float8 as byte_size, chunk_count`,
          [this.tenantId, id],
        )
      : []
    const row = rows[0]
    if (!row) throw new AppError('not_found', 'No such document.')
    await recordAudit(this.db, {
      tenantId: this.tenantId,
      action: 'knowledge.delete',
      targetType: 'knowledge',
      targetId: row.id,
      before: {
        title: row.title,
        filename: row.filename,
        byteSize: Number(row.byte_size),
        chunkCount: row.chunk_count,
        contentHash: row.content_hash,
      },
      ip: this.options.auditIp ?? null,
    })
  }

  /** Re-embeds every chunk of this tenant whose vector came from another model than the current one. */
  async reindex(): Promise<{ reembedded: number; model: string }> {
    const model = this.embedder.model
    let reembedded = 0
    for (;;) {
      const stale = await this.db.query<{ id: string; heading: string | null; content: string }>(
        `select id, heading, content from public.tenant_knowledge_chunks
          where tenant_id = $1 and embedding_model <> $2 order by id limit $3`,
        [this.tenantId, model, REINDEX_BATCH],
      )
      if (stale.length === 0) return { reembedded, model }
      const embeddings = await embedAll(
        this.embedder,
        stale.map((chunk) => embeddingText(chunk.heading, chunk.content)),
      )
      const updated = await this.db.query(
        `update public.tenant_knowledge_chunks c
            set embedding = u.embedding::extensions.vector, embedding_model = $2
           from unnest($3::uuid[], $4::text[]) as u(id, embedding)
          where c.tenant_id = $1 and c.id = u.id
          returning c.id`,
        [this.tenantId, model, stale.map((chunk) => chunk.id), embeddings],
      )
      // RLS lets members read chunks but only admins change them: stop instead of looping.
      if (updated.length !== stale.length) {
        throw new AppError('forbidden', "Only this tenant's admins and platform admins can reindex its knowledge.")
      }
      reembedded += stale.length
    }
  }
}
