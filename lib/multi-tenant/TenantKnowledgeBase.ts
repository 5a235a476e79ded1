import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import type { Queryable } from '@/lib/db'
import { AppError, parseOrBadRequest } from '@/lib/errors'
import { defaultEmbedder } from '@/lib/ai/env-config'
import { recordAudit } from './audit/audit'
import { findByHash, getDocument, listDocuments, type KnowledgePage } from './knowledge/documents'
import { isUuid } from '@/lib/contracts/ids'
import { embedAll, embeddingText, prepareKnowledge, type PreparedKnowledge } from './knowledge/prepare'
import {
  knowledgeListQuerySchema,
  searchOptionsSchema,
  type KnowledgeDocument,
  type ListQuery,
  type SearchOptions,
} from '@/lib/contracts/knowledge'
import type { KnowledgeInput } from './knowledge/schema'
import { EXACT_SEARCH_MAX_CHUNKS, FAR_SIMILARITY, matchChunks, type SearchHit } from './knowledge/search'
import { deleteDocument, insertChunks, insertDocument, staleChunks, updateEmbeddings } from './knowledge/store'

export type { KnowledgePage } from './knowledge/documents'
export type { KnowledgeDocument, KnowledgeSummary, SearchOptions } from '@/lib/contracts/knowledge'
export type { PreparedKnowledge } from './knowledge/prepare'
export type { KnowledgeInput } from './knowledge/schema'
export type { SearchHit } from './knowledge/search'

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

const REINDEX_BATCH = 128

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
   * Validates, chunks and embeds a document without touching the database: the embedding
   * service may be a slow network call, so this runs before the transaction that stores it.
   */
  static prepare(input: KnowledgeInput, embedder: EmbeddingProvider = defaultEmbedder()): Promise<PreparedKnowledge> {
    return prepareKnowledge(input, embedder)
  }

  /** The document with the same text, if any (among the caller's own for a personal one): lets a caller skip embedding a duplicate. */
  findDuplicate(hash: string, personal = false): Promise<{ id: string; title: string; chunkCount: number } | null> {
    return findByHash(this.db, this.tenantId, hash, personal)
  }

  /**
   * Stores a prepared document in this knowledge base's transaction: if any statement
   * fails, nothing is left. A document with the same text already in this tenant is not
   * stored again: its id comes back with `duplicate: true`.
   */
  async addKnowledge(prepared: PreparedKnowledge): Promise<AddResult> {
    const { input } = prepared
    const duplicate = await this.findDuplicate(prepared.contentHash, input.personal)
    if (duplicate) return { id: duplicate.id, chunkCount: duplicate.chunkCount, duplicate: true }
    const row = await insertDocument(this.db, this.tenantId, prepared)
    if (!row) {
      // Someone stored the same text between our check and this insert.
      const existing = await this.findDuplicate(prepared.contentHash, input.personal)
      if (existing) return { id: existing.id, chunkCount: existing.chunkCount, duplicate: true }
      throw new AppError('conflict', 'The document could not be stored; please try again.')
    }
    await insertChunks(this.db, this.tenantId, row.id, prepared)
    // A personal document is its owner's business: the tenant's log gets no audit row naming it.
    if (input.personal) return { id: row.id, chunkCount: prepared.chunks.length, duplicate: false }
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
        byteSize: row.byteSize,
        chunkCount: prepared.chunks.length,
        embeddingModel: prepared.model,
        contentHash: prepared.contentHash,
        collectionId: input.collection_id ?? null,
      },
      ip: this.options.auditIp ?? null,
    })
    return { id: row.id, chunkCount: prepared.chunks.length, duplicate: false }
  }

  /** Hybrid search (vector + full text, fused) over this tenant's chunks; see match_tenant_chunks. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const text = query.trim()
    if (!text) return []
    const [embedding] = await embedAll(this.embedder, [text])
    return this.searchWithEmbedding(text, embedding ?? null, options)
  }

  /**
   * Search with a query embedded beforehand (outside the transaction). `collectionIds`
   * scopes it to an advisor's collections (with the caller's readable personal documents).
   */
  async searchWithEmbedding(
    query: string,
    embedding: string | null,
    options: SearchOptions = {},
    collectionIds: string[] | null = null,
  ): Promise<SearchHit[]> {
    const valid = parseOrBadRequest(searchOptionsSchema, options)
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
      collectionIds,
    })
  }

  list(query: ListQuery = {}): Promise<KnowledgePage> {
    return listDocuments(this.db, this.tenantId, parseOrBadRequest(knowledgeListQuerySchema, query))
  }

  get(id: string): Promise<KnowledgeDocument | null> {
    return getDocument(this.db, this.tenantId, id)
  }

  /** Deletes a document and (by cascade) its chunks; its storage is released by trigger. */
  async remove(id: string): Promise<void> {
    const removed = isUuid(id) ? await deleteDocument(this.db, this.tenantId, id) : null
    if (!removed) throw new AppError('not_found', 'No such document.')
    const { id: targetId, ...before } = removed
    await recordAudit(this.db, {
      tenantId: this.tenantId,
      action: 'knowledge.delete',
      targetType: 'knowledge',
      targetId,
      before,
      ip: this.options.auditIp ?? null,
    })
  }

  /** Re-embeds every chunk of this tenant whose vector came from another model than the current one. */
  async reindex(): Promise<{ reembedded: number; model: string }> {
    const model = this.embedder.model
    let reembedded = 0
    for (;;) {
      const stale = await staleChunks(this.db, this.tenantId, model, REINDEX_BATCH)
      if (stale.length === 0) return { reembedded, model }
      const embeddings = await embedAll(
        this.embedder,
        stale.map((chunk) => embeddingText(chunk.heading, chunk.content)),
      )
      const ids = stale.map((chunk) => chunk.id)
      // RLS lets members read chunks but only admins change them: stop instead of looping.
      if ((await updateEmbeddings(this.db, this.tenantId, model, ids, embeddings)) !== stale.length) {
        throw new AppError('forbidden', "Only this tenant's admins and platform admins can reindex its knowledge.")
      }
      reembedded += stale.length
    }
  }
}
