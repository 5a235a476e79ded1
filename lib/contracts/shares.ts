import { z } from 'zod'
import { uuidSchema } from './ids'
import { knowledgeSourceSchema } from './oracle'

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

/** GET .../shared/conversations/[id]: a conversation shared with the caller, read-only. */
export const sharedConversationSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  ownerId: z.string(),
  readOnly: z.literal(true),
  messages: z.array(
    z.strictObject({
      id: z.string(),
      role: z.enum(['user', 'assistant']),
      content: z.string(),
      createdAt: z.string(),
      /** Only the sources whose documents the caller may read themselves. */
      sources: z.array(knowledgeSourceSchema),
    }),
  ),
})
export type SharedConversation = z.infer<typeof sharedConversationSchema>
