import { z } from 'zod'
import { ELEMENTS, elementSchema } from '@/lib/engine/elements'
import { knowledgeJobSchema } from './knowledge-jobs'

/*
 * Bodies of the knowledge routes: /api/admin/tenants/[id]/knowledge[/knowledgeId] and a
 * member's /api/tenant/[slug]/knowledge/search. The server builds its answers from these
 * types and the dashboard parses what it receives with the same schemas.
 */

export const SOURCE_TYPES = ['text', 'markdown', 'pdf', 'docx'] as const
export type SourceType = (typeof SOURCE_TYPES)[number]

/** Largest JSON document body; files have their own limit (UPLOAD_MAX_MB). */
export const MAX_JSON_CONTENT_CHARS = 2_000_000

export const tagSchema = z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters')

// Tags compare exactly in filters, so they are stored trimmed, lower-cased and once each.
export const tagsSchema = z
  .array(tagSchema)
  .max(50, 'at most 50 tags')
  .transform((tags) => [...new Set(tags.map((tag) => tag.toLowerCase()))])

export const elementalTagsSchema = z
  .array(elementSchema)
  .max(ELEMENTS.length)
  .transform((tags) => [...new Set(tags)])

/** An empty category is none. */
export const categorySchema = z
  .string()
  .trim()
  .max(100, 'must be at most 100 characters')
  .nullish()
  .transform((value) => value || null)

export const titleSchema = z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters')

export const contentSchema = z
  .string()
  .max(MAX_JSON_CONTENT_CHARS, `must be at most ${MAX_JSON_CONTENT_CHARS} characters`)
  .refine((value) => value.trim().length > 0, 'must contain text')

/**
 * JSON body of POST /api/admin/tenants/[id]/knowledge (camelCase, the public contract);
 * parsed, it is what the knowledge base stores (snake_case tags, as in the original design).
 */
export const knowledgeCreateSchema = z
  .object({
    title: titleSchema,
    content: contentSchema,
    category: categorySchema,
    tags: tagsSchema.default([]),
    elementalTags: elementalTagsSchema.default([]),
    sourceType: z.enum(['text', 'markdown']).default('text'),
    /** The collection to file it in (GET .../collections); the tenant's default one when absent. */
    collectionId: z.uuid({ message: 'must be a collection id' }).nullish(),
  })
  .transform(({ elementalTags, collectionId, ...rest }) => ({
    ...rest,
    elemental_tags: elementalTags,
    collection_id: collectionId ?? null,
  }))

/** Query of GET /api/admin/tenants/[id]/knowledge. */
export const knowledgeListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => value || undefined),
})
export type ListQuery = z.input<typeof knowledgeListQuerySchema>

/**
 * The search box's default: lower than the relevance an answer needs (ANSWER_RELEVANCE),
 * because a person scanning a result list can use a weakly related passage that an answer
 * must not be built on.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.2

export const searchOptionsSchema = z.object({
  limit: z.number().int().min(1).max(50).default(5),
  /**
   * Lowest relevance a hit may have, in [0, 1] whatever the embedder (see
   * match_tenant_chunks): 0 keeps every candidate, 1 only chunks holding every word of the
   * query or as close as a passage that answers it. Below 0 is accepted and means 0.
   */
  matchThreshold: z.number().min(-1).max(1).default(DEFAULT_MATCH_THRESHOLD),
  category: z.string().trim().min(1).max(100).optional(),
  tags: z.array(tagSchema).max(50).optional(),
  elementalTags: z.array(elementSchema).max(ELEMENTS.length).optional(),
})
export type SearchOptions = z.input<typeof searchOptionsSchema>

/** Body of POST /api/tenant/[slug]/knowledge/search. */
export const knowledgeSearchSchema = searchOptionsSchema.extend({
  query: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters'),
})

/** A stored document without its text: what lists show. */
export const knowledgeSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  elementalTags: z.array(elementSchema),
  sourceType: z.enum(SOURCE_TYPES),
  /** The uploaded file's name; null for a document added as JSON text (it has no original). */
  filename: z.string().nullable(),
  byteSize: z.number().int().min(0),
  tokenCount: z.number().int().min(0),
  chunkCount: z.number().int().min(0),
  createdAt: z.string(),
})
export type KnowledgeSummary = z.infer<typeof knowledgeSummarySchema>

export const knowledgeDocumentSchema = knowledgeSummarySchema.extend({ content: z.string() })
export type KnowledgeDocument = z.infer<typeof knowledgeDocumentSchema>

export const storageUsageSchema = z.strictObject({
  usedBytes: z.number().int().min(0),
  /** null = unlimited. */
  limitBytes: z.number().int().min(0).nullable(),
})
export type StorageUsage = z.infer<typeof storageUsageSchema>

/** GET /api/admin/tenants/[id]/knowledge: a page of documents, newest first, and the tenant's storage. */
export const knowledgeListResponseSchema = z.strictObject({
  items: z.array(knowledgeSummarySchema),
  /** Documents matching `q`, over all pages. */
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  storage: storageUsageSchema,
})
export type KnowledgeListPage = z.infer<typeof knowledgeListResponseSchema>

/** 201 answer of a JSON POST /api/admin/tenants/[id]/knowledge. */
export const knowledgeCreatedResponseSchema = z.strictObject({ id: z.string(), title: z.string(), chunkCount: z.number().int().min(0) })

/** A passage of a document as the assistant retrieves it, in document order. */
export const knowledgeChunkSchema = z.strictObject({
  index: z.number().int().min(0),
  heading: z.string().nullable(),
  content: z.string(),
  tokenCount: z.number().int().min(0),
})
export type KnowledgeChunk = z.infer<typeof knowledgeChunkSchema>

/** The uploaded file a document was made from (downloadable at .../original). */
export const storedOriginalSchema = z.strictObject({
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int().min(0),
})

/** How far the document's passages are searchable by meaning with the configured model. */
export const documentIndexSchema = z.strictObject({
  model: z.string(),
  chunks: z.number().int().min(0),
  /** Passages whose vectors come from another model: found by their words only until re-embedded. */
  pendingChunks: z.number().int().min(0),
  /** The document's latest job (its upload or a re-extraction), if it still has one. */
  job: knowledgeJobSchema.nullable(),
})
export type DocumentIndex = z.infer<typeof documentIndexSchema>

/** GET /api/admin/tenants/[id]/knowledge/[knowledgeId]: the document with its text, its passages, its original and its index state. */
export const knowledgeDocumentResponseSchema = z.strictObject({
  document: knowledgeDocumentSchema,
  chunks: z.array(knowledgeChunkSchema),
  original: storedOriginalSchema.nullable(),
  index: documentIndexSchema,
})
export type KnowledgeDocumentDetails = z.infer<typeof knowledgeDocumentResponseSchema>

export const searchResultSchema = z.strictObject({
  /** The passage's (chunk's) id. */
  id: z.string(),
  knowledgeId: z.string(),
  title: z.string(),
  heading: z.string().nullable(),
  snippet: z.string(),
  /** Relevance in [0, 1]. */
  score: z.number(),
})
export type SearchResult = z.infer<typeof searchResultSchema>

/** POST /api/tenant/[slug]/knowledge/search: best match first. */
export const knowledgeSearchResponseSchema = z.strictObject({ results: z.array(searchResultSchema) })

/**
 * The headers of GET .../knowledge/[knowledgeId]/original, a file download (its body is
 * the file as uploaded; its refusals are the one error body). Not strict: proxies add
 * headers of their own.
 */
export const originalFileHeadersSchema = z.object({
  'content-type': z.string(),
  'content-length': z.string().regex(/^\d+$/),
  'content-disposition': z.string().startsWith("attachment; filename*=UTF-8''"),
  'cache-control': z.literal('private, no-store'),
  'x-content-type-options': z.literal('nosniff'),
})
export type OriginalFileHeaders = z.input<typeof originalFileHeadersSchema>
