import { z } from 'zod'
import { brandVoiceSchema, elementalSignatureSchema, maiaPersonalitySchema } from '@/lib/engine/voice'

export const MAX_INPUT_CHARS = 8000

const inputSchema = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(MAX_INPUT_CHARS, { message: `must be at most ${MAX_INPUT_CHARS} characters` })

export const oracleRequestSchema = z.object({
  input: inputSchema,
  conversationId: z.uuid({ message: 'must be a conversation id' }).nullish(),
  conversationDepth: z.number().int().min(0).max(10_000).optional(),
})
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

export const feedbackRequestSchema = z.object({
  value: z.union([z.literal(1), z.literal(-1), z.null()], { message: 'must be 1, -1 or null' }),
})

export const conversationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type ConversationListQuery = z.infer<typeof conversationListQuerySchema>

export const idParamSchema = z.uuid({ message: 'must be an id' })
