import { z } from 'zod'
import { elementSchema, phaseSchema } from '@/lib/engine/elements'
import { knowledgeSourceSchema } from './oracle'

/*
 * GET /api/admin/tenants/[id]/feedback: how the tenant's assistant is doing, from the
 * answers its members rated (thumbs up or down) in the last FEEDBACK_DAYS days. The
 * server builds it from these types and the dashboard parses it with them.
 */

export const FEEDBACK_DAYS = 90
export const LOW_RATED_LIMIT = 50

const count = z.number().int().min(0)
const tally = { up: count, down: count }

export const feedbackSummarySchema = z.strictObject({
  ...tally,
  /** The window counted, in days ending today (UTC). */
  days: z.number().int().min(1),
  /** One entry per day of the window, oldest first, days without a rating included. */
  byDay: z.array(z.strictObject({ date: z.string(), ...tally })),
  /** By the element the engine read in the conversation (null: no reading), most rated first. */
  byElement: z.array(z.strictObject({ element: elementSchema.nullable(), ...tally })),
  byPhase: z.array(z.strictObject({ phase: phaseSchema.nullable(), ...tally })),
  /** By the document an answer cited (an answer citing two counts for both), most thumbs down first. */
  byDocument: z.array(z.strictObject({ knowledgeId: z.string(), title: z.string(), ...tally })),
})
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>

export const lowRatedAnswerSchema = z.strictObject({
  messageId: z.string(),
  /** null for an answer with no recorded question. */
  question: z.string().nullable(),
  answer: z.string(),
  sources: z.array(knowledgeSourceSchema),
  ratedAt: z.string(),
  element: elementSchema.nullable(),
  phase: phaseSchema.nullable(),
})
export type LowRatedAnswer = z.infer<typeof lowRatedAnswerSchema>

export const feedbackReviewResponseSchema = z.strictObject({
  summary: feedbackSummarySchema,
  /** The latest thumbs-down answers (at most LOW_RATED_LIMIT), newest first. */
  lowRated: z.array(lowRatedAnswerSchema),
})
export type FeedbackReview = z.infer<typeof feedbackReviewResponseSchema>
