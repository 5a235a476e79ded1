import { z } from 'zod'
import { elementSchema, phaseSchema } from '@/lib/engine/elements'
import { brandVoiceSchema, elementalSignatureSchema, maiaPersonalitySchema } from '@/lib/engine/voice'
import { errorCodeSchema } from './errors'
import { uuidSchema } from './ids'

/*
 * Bodies of POST /api/tenant/[slug]/oracle (a JSON answer, or the same as the events of a
 * text/event-stream) and of the dashboard's preview. The server builds every body and
 * event from these types; the chat parses each with the same schema.
 */

export const MAX_INPUT_CHARS = 8000

const inputSchema = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(MAX_INPUT_CHARS, { message: `must be at most ${MAX_INPUT_CHARS} characters` })

export const oracleRequestSchema = z
  .object({
    input: inputSchema,
    conversationId: uuidSchema.nullish(),
    /** The client's count of turns so far, used when there is no stored thread (visitors). */
    conversationDepth: z.number().int().min(0).max(10_000).optional(),
    /**
     * Ask one of the thread's questions again (its id; needs `conversationId`): the same
     * `input` adds another answer to it, the earlier kept as alternatives (regenerate);
     * other text replaces it (edit and resend). The messages after it leave the thread.
     */
    resend: uuidSchema.optional(),
    /** Ask one of the advisors the caller may use (GET .../advisors); a thread keeps the advisor it started with. */
    advisorId: uuidSchema.nullish(),
  })
  .refine((body) => !body.resend || body.conversationId, { message: 'needs the conversationId of its thread', path: ['resend'] })
export type OracleRequest = z.infer<typeof oracleRequestSchema>

/** The dashboard's live preview: an unsaved personality answers one question. */
export const previewRequestSchema = z.object({
  input: inputSchema,
  draft: z
    .object({
      brandVoice: brandVoiceSchema.prefault({}),
      maiaPersonality: maiaPersonalitySchema.prefault({}),
      elementalSignature: elementalSignatureSchema.prefault({}),
    })
    .prefault({}),
})
export type PreviewRequest = z.infer<typeof previewRequestSchema>

/** One retrieved passage; answers cite it as [n], n = its position + 1. */
export const knowledgeSourceSchema = z.strictObject({
  /** The chunk's id. */
  id: z.string(),
  /** The document the chunk belongs to. */
  knowledgeId: z.string(),
  title: z.string(),
  snippet: z.string(),
  score: z.number(),
  /** Where the document sits: one of the tenant's collections, or a member's personal document (the caller's own or shared with them). */
  origin: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('collection'), collectionId: z.string(), name: z.string() }),
      z.strictObject({ kind: z.literal('personal') }),
    ])
    .optional(),
})
export type KnowledgeSource = z.infer<typeof knowledgeSourceSchema>

export const oracleFacetSchema = z.strictObject({ id: z.string(), name: z.string() })

export const oracleUsageSchema = z.strictObject({
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  totalTokens: z.number().int(),
  /** True when no language model answered: the grounded offline responder did. */
  offline: z.boolean(),
})
export type OracleUsage = z.infer<typeof oracleUsageSchema>

const metaShape = {
  element: elementSchema,
  phase: phaseSchema,
  facet: oracleFacetSchema,
  knowledgeSources: z.array(knowledgeSourceSchema),
  /** null for visitors and previews: nothing is stored for them. */
  conversationId: z.string().nullable(),
  offline: z.boolean(),
}

/** The `meta` event: what is known before the first word of the answer. */
export const metaEventSchema = z.strictObject(metaShape)
export type OracleMeta = z.infer<typeof metaEventSchema>

/** A `token` event: the next piece of the answer's text. */
export const tokenEventSchema = z.strictObject({ text: z.string() })

const doneShape = {
  usage: oracleUsageSchema,
  /** The stored answer (for feedback); null when nothing is stored. */
  messageId: z.string().nullable(),
  /** The stored question it answers (to ask it again); null when nothing is stored. */
  questionId: z.string().nullable(),
}

/** The `done` event: the answer is complete and stored. */
export const doneEventSchema = z.strictObject(doneShape)
export type OracleDone = z.infer<typeof doneEventSchema>

/**
 * The `error` event: the answer failed after the stream had started (before that, the
 * route answers with the JSON error body and its status). A failed exchange stores
 * nothing, so the conversationId of its `meta` may name no thread.
 */
export const errorEventSchema = z.strictObject({
  code: errorCodeSchema,
  message: z.string(),
  /** Set when the failure was a limit that lifts after a while. */
  retryAfterSeconds: z.number().optional(),
})

/** The events of the stream by name, in the order they come: `meta`, `token`s, then `done` or `error`. */
export const oracleEventSchemas = {
  meta: metaEventSchema,
  token: tokenEventSchema,
  done: doneEventSchema,
  error: errorEventSchema,
} as const
export type OracleEventName = keyof typeof oracleEventSchemas

/** The JSON answer: the `meta` fields, the whole response and the `done` fields. */
export const oracleResponseSchema = z.strictObject({ ...metaShape, response: z.string(), ...doneShape })
export type OracleAnswer = z.infer<typeof oracleResponseSchema>

/** The preview answers as the oracle does; its conversationId and messageId are null (nothing is stored). */
export const previewResponseSchema = oracleResponseSchema
