import { z } from 'zod'
import { MAX_INPUT_CHARS, knowledgeSourceSchema } from './oracle'

/*
 * Bodies of the public, key-authenticated API (/api/v1), shaped as OpenAI's so the
 * official clients work unchanged. What OpenAI does not have is added, never changed:
 * `sources` (the passages an answer is grounded in) on the answer's message and on the
 * last chunk of a stream.
 */

/** The one model every tenant has: its assistant, as the tenant set it up. */
export const DEFAULT_MODEL = 'default'

const textPartSchema = z.object({ type: z.literal('text'), text: z.string() })

export const chatMessageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  /** Text, or text parts; other parts (images, audio) are refused. */
  content: z.union([z.string(), z.array(textPartSchema).max(100)]).nullish(),
  name: z.string().max(100).optional(),
})
export type ChatMessageInput = z.infer<typeof chatMessageSchema>

const tokenLimitSchema = z.number().int().min(1).max(1_000_000).nullish()

/**
 * `messages` ends with the question (the last `user` message); the earlier turns count
 * as the conversation's depth. The tenant's own voice and knowledge frame every answer,
 * so `system` messages do not replace them. Other OpenAI parameters are accepted and
 * ignored.
 */
export const chatCompletionRequestSchema = z
  .object({
    model: z.string().max(200).optional(),
    messages: z.array(chatMessageSchema).min(1, { message: 'must hold at least one message' }).max(500),
    stream: z.boolean().nullish(),
    /**
     * The tenant's own id for its end user. With the X-User-Hash header (HMAC-SHA256 of it
     * with the tenant's identity secret) a verified end user, whose history is kept;
     * without it, only accepted, as OpenAI accepts it.
     */
    user: z.string().max(256).optional(),
    /** Bounds the model's answer (at most 1,024 tokens whatever is asked). */
    max_tokens: tokenLimitSchema,
    max_completion_tokens: tokenLimitSchema,
  })
  .superRefine((body, context) => {
    const last = body.messages.at(-1)
    const text = last ? messageText(last).trim() : ''
    if (last?.role !== 'user' || text.length === 0) {
      context.addIssue({ code: 'custom', path: ['messages'], message: 'must end with a user message that has text' })
    } else if (text.length > MAX_INPUT_CHARS) {
      context.addIssue({ code: 'custom', path: ['messages'], message: `the last message must be at most ${MAX_INPUT_CHARS} characters` })
    }
  })
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>

export function messageText(message: ChatMessageInput): string {
  const { content } = message
  if (typeof content === 'string') return content
  return (content ?? []).map((part) => part.text).join('')
}

export const completionUsageSchema = z.strictObject({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
})

export const chatCompletionSchema = z.strictObject({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.strictObject({
      index: z.number().int(),
      message: z.strictObject({
        role: z.literal('assistant'),
        content: z.string(),
        refusal: z.null(),
        /** Added to OpenAI's shape: the passages the answer is grounded in, cited as [n]. */
        sources: z.array(knowledgeSourceSchema),
      }),
      finish_reason: z.literal('stop'),
      logprobs: z.null(),
    }),
  ),
  usage: completionUsageSchema,
})
export type ChatCompletion = z.infer<typeof chatCompletionSchema>

/** One `data:` line of a streamed completion; the stream ends with `data: [DONE]`. */
export const chatCompletionChunkSchema = z.strictObject({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.strictObject({
      index: z.number().int(),
      delta: z.strictObject({ role: z.literal('assistant').optional(), content: z.string().optional() }),
      finish_reason: z.literal('stop').nullable(),
      logprobs: z.null(),
    }),
  ),
  /** On the last chunk only. */
  usage: completionUsageSchema.optional(),
  /** Added to OpenAI's shape, on the last chunk only: the passages the answer is grounded in. */
  sources: z.array(knowledgeSourceSchema).optional(),
})
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>

export const modelSchema = z.strictObject({
  id: z.string(),
  object: z.literal('model'),
  created: z.number().int(),
  /** The tenant's slug. */
  owned_by: z.string(),
  /** Added to OpenAI's shape: a name to show, after the tenant. */
  name: z.string(),
})
export const modelListSchema = z.strictObject({ object: z.literal('list'), data: z.array(modelSchema) })
export type ModelList = z.infer<typeof modelListSchema>
