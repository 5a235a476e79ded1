import { z } from 'zod'
import { endUserIdSchema, userHashSchema } from './end-users'
import { MAX_INPUT_CHARS, oracleResponseSchema } from './oracle'
import { normaliseOrigin } from './widget-origin'

/*
 * The embeddable widget: the allowed origins admins keep
 * (/api/admin/tenants/[id]/widget-origins), the token widget.js asks for
 * (/api/widget/[slug]/token), and what the widget's frame asks with it
 * (/api/widget/[slug]/session, /api/widget/[slug]/chat).
 */

/** How every widget token starts (it travels as `Authorization: Bearer owt_...`). */
export const WIDGET_TOKEN_PREFIX = 'owt_'

export const widgetOriginInputSchema = z.string({ message: 'must be text' }).transform((value, context) => {
  const verdict = normaliseOrigin(value)
  if ('origin' in verdict) return verdict.origin
  context.addIssue({ code: 'custom', message: verdict.problem })
  return z.NEVER
})

export const addWidgetOriginSchema = z.strictObject({ origin: widgetOriginInputSchema })
export type AddWidgetOriginInput = z.infer<typeof addWidgetOriginSchema>

export const widgetOriginSchema = z.strictObject({ id: z.string(), origin: z.string(), createdAt: z.string() })
export type WidgetOrigin = z.infer<typeof widgetOriginSchema>

export const widgetOriginListSchema = z.strictObject({ origins: z.array(widgetOriginSchema) })

/** widget.js's request: nothing for an anonymous visitor, or a verified end user's id and hash. */
export const widgetTokenRequestSchema = z
  .strictObject({ userId: endUserIdSchema.optional(), userHash: userHashSchema.optional() })
  .refine((body) => (body.userId === undefined) === (body.userHash === undefined), {
    message: 'userId and userHash come together',
    path: ['userHash'],
  })
export type WidgetTokenRequest = z.infer<typeof widgetTokenRequestSchema>

/** How the tenant presents itself in the widget: its name, its assistant's, the greeting and its element's colours. */
export const widgetBrandingSchema = z.strictObject({
  tenantName: z.string(),
  assistantName: z.string(),
  greeting: z.string(),
  element: z.string(),
  /** The opening questions the tenant set; an empty widget offers them. */
  suggestedQuestions: z.array(z.string()),
})
export type WidgetBranding = z.infer<typeof widgetBrandingSchema>

export const widgetTokenResponseSchema = z.strictObject({
  token: z.string(),
  expiresAt: z.string(),
  /** The widget's page on the tenant's own host, for this embedding origin. */
  frameUrl: z.string(),
  branding: widgetBrandingSchema,
})
export type WidgetTokenResponse = z.infer<typeof widgetTokenResponseSchema>

export const widgetMessageSchema = z.strictObject({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  sources: oracleResponseSchema.shape.knowledgeSources,
})
export type WidgetMessage = z.infer<typeof widgetMessageSchema>

/** What the frame learns with its token: the branding, whom it speaks for, and a verified end user's latest messages. */
export const widgetSessionSchema = z.strictObject({
  branding: widgetBrandingSchema,
  endUser: z.strictObject({ id: z.string() }).nullable(),
  messages: z.array(widgetMessageSchema),
})
export type WidgetSession = z.infer<typeof widgetSessionSchema>

export const widgetAskSchema = z.strictObject({
  input: z
    .string({ message: 'must be text' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(MAX_INPUT_CHARS, { message: `must be at most ${MAX_INPUT_CHARS} characters` }),
  /** The frame's count of questions so far (an anonymous visitor has no stored history). */
  conversationDepth: z.number().int().min(0).max(10_000).optional(),
})
export type WidgetAsk = z.infer<typeof widgetAskSchema>

/** The widget's answer is the oracle's (sources included); nothing names a member's thread. */
export const widgetAnswerSchema = oracleResponseSchema
