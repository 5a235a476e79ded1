import { z } from 'zod'
import { contentSchema, SOURCE_TYPES, tagsSchema, titleSchema } from './knowledge'

/*
 * A member's own documents (/api/tenant/[slug]/my/documents[/id]): private to them until
 * they share one; the assistant retrieves them in their own conversations only.
 */

/** JSON body of POST .../my/documents (multipart takes `file` fields instead, as tenant uploads do). */
export const myDocumentCreateSchema = z.strictObject({
  title: titleSchema,
  content: contentSchema,
  tags: tagsSchema.default([]),
  sourceType: z.enum(['text', 'markdown']).default('text'),
})
export type MyDocumentCreate = z.infer<typeof myDocumentCreateSchema>

export const myDocumentSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  sourceType: z.enum(SOURCE_TYPES),
  filename: z.string().nullable(),
  byteSize: z.number().int().min(0),
  chunkCount: z.number().int().min(0),
  /** How many shares give it to someone (a member, a group or the whole tenant). */
  shareCount: z.number().int().min(0),
  createdAt: z.string(),
})
export type MyDocumentSummary = z.infer<typeof myDocumentSummarySchema>

export const myDocumentListSchema = z.strictObject({
  items: z.array(myDocumentSummarySchema),
  /** What the caller's documents take of the tenant's storage. */
  usedBytes: z.number().int().min(0),
})
export type MyDocumentList = z.infer<typeof myDocumentListSchema>

export const myDocumentSchema = z.strictObject({ document: myDocumentSummarySchema.extend({ content: z.string() }) })
export type MyDocument = z.infer<typeof myDocumentSchema>

/** 201 of a JSON POST. */
export const myDocumentCreatedSchema = z.strictObject({ id: z.string(), title: z.string(), chunkCount: z.number().int().min(0) })

/** 201 of a multipart POST: one entry per file; a refused file has `id: null` and its `error`. */
export const myDocumentsUploadedSchema = z.strictObject({
  documents: z.array(
    z.strictObject({
      fileName: z.string(),
      id: z.string().nullable(),
      chunkCount: z.number().int().min(0),
      error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
})
export type MyDocumentsUploaded = z.infer<typeof myDocumentsUploadedSchema>
