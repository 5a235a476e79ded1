import { z } from 'zod'
import { uuidSchema } from './ids'

/*
 * Shares (/api/tenant/[slug]/shares[/id]): the owner of a personal document, a personal
 * advisor or a conversation gives it, read-only, to a member, a group or the whole tenant.
 */

export const SHARE_RESOURCE_TYPES = ['document', 'advisor', 'conversation'] as const
export const shareResourceTypeSchema = z.enum(SHARE_RESOURCE_TYPES)
export type ShareResourceType = z.infer<typeof shareResourceTypeSchema>

export const shareGranteeSchema = z.union([
  z.strictObject({ userId: uuidSchema }),
  z.strictObject({ groupId: uuidSchema }),
  z.strictObject({ tenant: z.literal(true) }),
])
export type ShareGrantee = z.infer<typeof shareGranteeSchema>

export const shareCreateSchema = z.strictObject({
  resourceType: shareResourceTypeSchema,
  resourceId: uuidSchema,
  grantee: shareGranteeSchema,
})
export type ShareCreate = z.infer<typeof shareCreateSchema>

export const shareSchema = z.strictObject({
  id: z.string(),
  resourceType: shareResourceTypeSchema,
  resourceId: z.string(),
  /** The document's title, the advisor's name or the conversation's title. */
  resourceTitle: z.string(),
  grantee: shareGranteeSchema,
  ownerId: z.string(),
  createdAt: z.string(),
})
export type Share = z.infer<typeof shareSchema>

/** GET .../shares: what the caller shares, and what is shared with them. */
export const shareListSchema = z.strictObject({ mine: z.array(shareSchema), sharedWithMe: z.array(shareSchema) })
export type ShareList = z.infer<typeof shareListSchema>
