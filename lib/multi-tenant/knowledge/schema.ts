import { z } from 'zod'
import { SOURCE_TYPES, categorySchema, contentSchema, elementalTagsSchema, tagsSchema, titleSchema } from '@/lib/contracts/knowledge'

/** What TenantKnowledgeBase.addKnowledge accepts (snake_case tags, as in the original design). */
export const knowledgeInputSchema = z.object({
  title: titleSchema,
  content: contentSchema,
  category: categorySchema,
  tags: tagsSchema.default([]),
  elemental_tags: elementalTagsSchema.default([]),
  sourceType: z.enum(SOURCE_TYPES).default('text'),
  filename: z
    .string()
    .trim()
    .max(255)
    .nullish()
    .transform((value) => value || null),
  /** The tenant collection to file it in; none = the default collection (the database's trigger). */
  collection_id: z.uuid().nullish(),
  /** A personal document of the caller's own: private, in no collection. */
  personal: z.boolean().default(false),
})
export type KnowledgeInput = z.input<typeof knowledgeInputSchema>
export type ValidKnowledgeInput = z.output<typeof knowledgeInputSchema>

/** Form fields that may accompany uploaded files; tags as repeated fields or comma-separated. */
export const uploadFieldsSchema = z.object({
  category: categorySchema,
  tags: tagsSchema.default([]),
  elemental_tags: elementalTagsSchema.default([]),
  collection_id: z.uuid({ message: 'must be a collection id' }).nullish(),
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
