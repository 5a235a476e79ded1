import { z } from 'zod'

/* Per-member activity: GET /api/admin/tenants/[id]/activity (admins) and GET /api/tenant/[slug]/my/activity (one's own). */

export const memberActivitySchema = z.strictObject({
  userId: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'user', 'viewer']),
  lastActiveAt: z.string().nullable(),
  conversations: z.number().int().min(0),
  /** Documents they added to the tenant's knowledge. */
  uploads: z.number().int().min(0),
  /** Their personal documents: how many and how large, never what they say. */
  personalDocuments: z.number().int().min(0),
  personalBytes: z.number().int().min(0),
  /** Answers they rated. */
  feedback: z.number().int().min(0),
})
export type MemberActivity = z.infer<typeof memberActivitySchema>

export const memberActivityListSchema = z.strictObject({ members: z.array(memberActivitySchema) })
export type MemberActivityList = z.infer<typeof memberActivityListSchema>

export const myActivitySchema = z.strictObject({ activity: memberActivitySchema })
