import { z } from 'zod'
import { uuidSchema } from './ids'
import { memberRoleSchema, memberSchema } from './members'

/* Bodies of /api/admin/tenants/[id]/tiers, /tiers/[tierId] and PUT /members/[userId]. */

/** A monthly allowance per member: a whole number, or null for unlimited. */
const allowance = (max: number) => z.number().int('must be a whole number').min(0, 'must not be negative').max(max).nullable()

export const tierInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters'),
  messagesPerMonth: allowance(100_000_000),
  tokensPerMonth: allowance(1_000_000_000_000),
})
export type TierInput = z.infer<typeof tierInputSchema>

export const tierSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  messagesPerMonth: z.number().nullable(),
  tokensPerMonth: z.number().nullable(),
  members: z.number(),
  createdAt: z.string(),
})
export type Tier = z.infer<typeof tierSchema>

/** A member's use of this month, beside their tier. */
export const memberUseSchema = z.strictObject({
  userId: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  tierId: z.string().nullable(),
  messages: z.number(),
  tokens: z.number(),
})
export type MemberUse = z.infer<typeof memberUseSchema>

export const tierListResponseSchema = z.strictObject({
  tiers: z.array(tierSchema),
  members: z.array(memberUseSchema),
  /** The month the use counts, its first day (UTC). */
  period: z.string(),
})
export type TierList = z.infer<typeof tierListResponseSchema>

export const tierResponseSchema = z.strictObject({ tier: tierSchema })

export const updateMemberSchema = z
  .strictObject({ role: memberRoleSchema.optional(), tierId: uuidSchema.nullable().optional() })
  .refine((body) => body.role !== undefined || body.tierId !== undefined, { message: 'give a role, a tierId or both' })
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>

export const updatedMemberResponseSchema = z.strictObject({ member: memberSchema.extend({ tierId: z.string().nullable() }) })
