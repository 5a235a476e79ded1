import { z } from 'zod'
import { elementSchema, phaseSchema } from '@/lib/engine/elements'
import { knowledgeSourceSchema } from './oracle'

/*
 * Bodies of a member's own conversations (/api/tenant/[slug]/conversations and
 * /conversations/[id]) and of the feedback on an answer (/messages/[id]/feedback). A
 * DELETE of a conversation answers 204 (noContentSchema).
 */

export const CONVERSATION_TITLE_MAX = 200

export const conversationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** Words to find in a thread's title or any of its messages (case-insensitive); blank lists every thread. */
  q: z.string().max(200).optional(),
})
export type ConversationListQuery = z.infer<typeof conversationListQuerySchema>

export const conversationSummarySchema = z.strictObject({
  id: z.string(),
  /** The first question, cut near 60 characters, until its owner renames it. */
  title: z.string(),
  messageCount: z.number().int(),
  tokensUsed: z.number().int(),
  dominantElement: elementSchema.nullable(),
  detectedPhase: phaseSchema.nullable(),
  /** Questions asked so far. */
  depthLevel: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ConversationSummary = z.infer<typeof conversationSummarySchema>

/** A page of the caller's threads, most recently active first. */
export const conversationListResponseSchema = z.strictObject({
  items: z.array(conversationSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
})
export type ConversationPage = z.infer<typeof conversationListResponseSchema>

/** PATCH /conversations/[id]: a new title, on one line (runs of whitespace become one space). */
export const conversationRenameRequestSchema = z.object({
  title: z
    .string()
    .transform((title) => title.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'must not be blank').max(CONVERSATION_TITLE_MAX)),
})
export type ConversationRenameRequest = z.infer<typeof conversationRenameRequestSchema>

/** The renamed thread's summary. */
export const conversationRenameResponseSchema = conversationSummarySchema

/** 1 helpful, -1 not helpful, null no rating. */
export const feedbackValueSchema = z.union([z.literal(1), z.literal(-1), z.null()], { message: 'must be 1, -1 or null' })
export type Feedback = z.infer<typeof feedbackValueSchema>

const messageShape = {
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  element: elementSchema.nullable(),
  phase: phaseSchema.nullable(),
  /** The id of the facet the message was read as. */
  facet: z.string().nullable(),
  /** The passages an answer drew on, in the order its [n] cite them; empty for a question. */
  sources: z.array(knowledgeSourceSchema),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  offline: z.boolean(),
  feedback: feedbackValueSchema,
  /** The member stopped this answer while it was written: it holds what was written until then. */
  stopped: z.boolean(),
  createdAt: z.string(),
}

/** An earlier answer to the same question, kept when the question was asked again. */
export const answerAlternativeSchema = z.strictObject(messageShape)
export type AnswerAlternative = z.infer<typeof answerAlternativeSchema>

export const conversationMessageSchema = z.strictObject({
  ...messageShape,
  /** For an answer: the earlier answers to its question, oldest first (this one is the latest). Empty for a question. */
  alternatives: z.array(answerAlternativeSchema),
})
export type ConversationMessage = z.infer<typeof conversationMessageSchema>

/**
 * A page of a thread's visible messages: the latest `limit` before `cursor` (a position:
 * the first message is 1), oldest first. Positions change only when a question is asked
 * again and the messages after it leave the thread.
 */
export const conversationMessagesQuerySchema = z.object({
  cursor: z.coerce.number().int().min(1).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
})
export type ConversationMessagesQuery = z.infer<typeof conversationMessagesQuerySchema>

/** One thread with a page of its messages, oldest first. */
export const conversationSchema = z.strictObject({ ...conversationSummarySchema.shape, messages: z.array(conversationMessageSchema) })
export type Conversation = z.infer<typeof conversationSchema>

export const conversationResponseSchema = z.strictObject({
  conversation: conversationSchema,
  /** The cursor of the page of earlier messages; null when this page starts at the first. */
  nextCursor: z.number().int().nullable(),
})
export type ConversationResponse = z.infer<typeof conversationResponseSchema>

/** `{ value }` rates an answer; null clears the rating. */
export const feedbackRequestSchema = z.object({ value: feedbackValueSchema })
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>

export const feedbackResponseSchema = z.strictObject({ id: z.string(), feedback: feedbackValueSchema })
