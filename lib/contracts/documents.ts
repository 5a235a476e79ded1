import { z } from 'zod'
import { SOURCE_TYPES } from './knowledge'

/*
 * Bodies of a member's reading of the tenant's documents: a cited passage
 * (GET /api/tenant/[slug]/documents/[id]/passages/[chunkId]) and a whole document
 * (GET /api/tenant/[slug]/documents/[id]). Both are what the caller may read under RLS.
 */

export const passageSchema = z.strictObject({
  /** The chunk's id (a source's `id`). */
  id: z.string(),
  /** The document's id (a source's `knowledgeId`). */
  knowledgeId: z.string(),
  /** The document's title. */
  title: z.string(),
  /** Headings above the passage, outermost first; empty before the document's first heading. */
  headingPath: z.array(z.string()),
  /** The chunk's whole text: the surrounding text of a cited snippet. */
  content: z.string(),
  /** Its place in the document, from 0. */
  index: z.number().int().min(0),
})
export type Passage = z.infer<typeof passageSchema>

export const passageResponseSchema = z.strictObject({ passage: passageSchema })
export type PassageResponse = z.infer<typeof passageResponseSchema>

export const readableDocumentSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  sourceType: z.enum(SOURCE_TYPES),
  createdAt: z.string(),
  /** The full text as extracted. */
  content: z.string(),
  /** Its passages in order, as the assistant cites them. */
  passages: z.array(passageSchema.omit({ knowledgeId: true, title: true })),
})
export type ReadableDocument = z.infer<typeof readableDocumentSchema>

export const readableDocumentResponseSchema = z.strictObject({ document: readableDocumentSchema })
