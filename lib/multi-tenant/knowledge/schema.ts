import { z } from 'zod'
import { ELEMENTS, elementSchema } from '@/lib/engine/elements'

export const SOURCE_TYPES = ['text', 'markdown', 'pdf', 'docx'] as const
export type SourceType = (typeof SOURCE_TYPES)[number]

/** Largest JSON document body; files have their own limit (UPLOAD_MAX_MB). */
export const MAX_JSON_CONTENT_CHARS = 2_000_000

const tagSchema = z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters')

// Tags compare exactly in filters, so they are stored trimmed, lower-cased and once each.
const tagsSchema = z
  .array(tagSchema)
  .max(50, 'at most 50 tags')
  .transform((tags) => [...new Set(tags.map((tag) => tag.toLowerCase()))])

const elementalTagsSchema = z
  .array(elementSchema)
  .max(ELEMENTS.length)
  .transform((tags) => [...new Set(tags)])

const categorySchema = z
  .string()
  .trim()
  .max(100, 'must be at most 100 characters')
  .transform((value) => (value === '' ? null : value))

const titleSchema = z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters')

const contentSchema = z
  .string()
  .max(MAX_JSON_CONTENT_CHARS, `must be at most ${MAX_JSON_CONTENT_CHARS} characters`)
  .refine((value) => value.trim().length > 0, 'must contain text')

const nullableCategorySchema = categorySchema.nullish().transform((value) => value ?? null)

/** What TenantKnowledgeBase.addKnowledge accepts (snake_case tags, as in the original design). */
export const knowledgeInputSchema = z.object({
  title: titleSchema,
  content: contentSchema,
  category: nullableCategorySchema,
  tags: tagsSchema.default([]),
  elemental_tags: elementalTagsSchema.default([]),
  sourceType: z.enum(SOURCE_TYPES).default('text'),
  filename: z
    .string()
    .trim()
    .max(255)
    .nullish()
    .transform((value) => value || null),
})
export type KnowledgeInput = z.input<typeof knowledgeInputSchema>
export type ValidKnowledgeInput = z.output<typeof knowledgeInputSchema>

/** JSON body of POST /api/admin/tenants/[id]/knowledge (camelCase, as the public contract). */
export const knowledgeBodySchema = z
  .object({
    title: titleSchema,
    content: contentSchema,
    category: nullableCategorySchema,
    tags: tagsSchema.default([]),
    elementalTags: elementalTagsSchema.default([]),
    sourceType: z.enum(['text', 'markdown']).default('text'),
  })
  .transform(({ elementalTags, ...rest }): KnowledgeInput => ({ ...rest, elemental_tags: elementalTags }))

/** Form fields that may accompany uploaded files; tags as repeated fields or comma-separated. */
export const uploadFieldsSchema = z.object({
  category: nullableCategorySchema,
  tags: tagsSchema.default([]),
  elemental_tags: elementalTagsSchema.default([]),
})

/**
 * The relevance the oracle needs to answer from a passage. Fitted on bench:answers: it
 * declines most questions the knowledge cannot answer and few it can.
 */
export const ANSWER_RELEVANCE = 0.35

/**
 * Below this, the best passage of an answer is weak evidence: a language model is told
 * that its passages may not answer the question, and to say so rather than guess.
 */
export const FIRM_RELEVANCE = 0.5

/**
 * The search box's default: lower than ANSWER_RELEVANCE, because a person scanning a
 * result list can use a weakly related passage that an answer must not be built on.
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
export const searchBodySchema = searchOptionsSchema.extend({
  query: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters'),
})

export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => value || undefined),
})
export type ListQuery = z.input<typeof listQuerySchema>
