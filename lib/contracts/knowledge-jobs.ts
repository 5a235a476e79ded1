import { z } from 'zod'

/*
 * Bodies of the knowledge job routes. The server builds its answers from these types and
 * the dashboard parses what it receives with the same schemas.
 */

export const JOB_STATUSES = ['queued', 'extracting', 'embedding', 'done', 'failed'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export const jobErrorSchema = z.strictObject({ code: z.string(), message: z.string() })

export const knowledgeJobSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['ingest', 'reindex', 'reextract']),
  fileName: z.string().nullable(),
  status: z.enum(JOB_STATUSES),
  /** 0..100. */
  progress: z.number().int().min(0).max(100),
  documentId: z.string().optional(),
  /** The file's text was already a document of this tenant: documentId names it, nothing new was stored. */
  duplicate: z.boolean().optional(),
  error: jobErrorSchema.optional(),
  attempts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type KnowledgeJob = z.infer<typeof knowledgeJobSchema>

/** A file of an upload: its job, or (id null, failed) the reason it was refused before one was made. */
export const uploadedFileSchema = z.strictObject({
  id: z.string().nullable(),
  fileName: z.string(),
  status: z.enum(JOB_STATUSES),
  error: jobErrorSchema.optional(),
})
export type UploadedFile = z.infer<typeof uploadedFileSchema>

/** 202 answer of a multipart POST /api/admin/tenants/[id]/knowledge. */
export const uploadAcceptedResponseSchema = z.strictObject({ jobs: z.array(uploadedFileSchema) })

export const jobResponseSchema = z.strictObject({ job: knowledgeJobSchema })
export const jobListResponseSchema = z.strictObject({ jobs: z.array(knowledgeJobSchema) })

export const jobListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

/** GET /api/admin/tenants/[id]/knowledge/index. */
export const indexStateResponseSchema = z.strictObject({
  /** The model the server embeds with now. */
  model: z.string(),
  chunks: z.number().int(),
  /** Chunks whose vectors come from another model: found by their words only until re-embedded. */
  pendingChunks: z.number().int(),
  job: knowledgeJobSchema.nullable(),
})
export type IndexState = z.infer<typeof indexStateResponseSchema>
