import { z } from 'zod'

/*
 * The oracle route's stream, as the UI reads it. Parsed leniently (extra keys pass, the
 * facet may be a name or a facet object) so a richer server does not break the client.
 */

export const knowledgeSourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  snippet: z.string().default(''),
  score: z.number().nullable().default(null),
})
export type KnowledgeSource = z.infer<typeof knowledgeSourceSchema>

const facetSchema = z
  .union([z.string(), z.object({ name: z.string() }).loose()])
  .nullable()
  .optional()
  .transform((facet) => (facet == null ? null : typeof facet === 'string' ? facet : facet.name))

export const metaEventSchema = z.object({
  element: z.string().nullable().default(null),
  phase: z.number().nullable().default(null),
  facet: facetSchema,
  knowledgeSources: z.array(knowledgeSourceSchema).default([]),
  conversationId: z.string().nullable().default(null),
  offline: z.boolean().default(false),
})
export type OracleMeta = z.infer<typeof metaEventSchema>

export const tokenEventSchema = z.object({ text: z.string() })

const usageSchema = z.record(z.string(), z.unknown()).nullable().default(null)

export const doneEventSchema = z.object({
  usage: usageSchema,
  messageId: z.string().nullable().default(null),
})
export type OracleDone = z.infer<typeof doneEventSchema>

export const errorEventSchema = z.object({
  code: z.string().default('internal'),
  message: z.string().default('The answer could not be completed.'),
  retryAfterSeconds: z.number().optional(),
})

/** The JSON (non-streamed) answer: the meta fields plus the whole response. */
export const oracleJsonSchema = metaEventSchema.extend({
  response: z.string(),
  usage: usageSchema,
  messageId: z.string().nullable().default(null),
})
