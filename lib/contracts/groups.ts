import { z } from 'zod'
import { uuidSchema } from './ids'

/* Groups of a tenant's members (/api/admin/tenants/[id]/groups[/groupId[/members]]). */

export const groupNameSchema = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, { message: 'is required' })
  .max(80, { message: 'must be at most 80 characters' })

export const groupInputSchema = z.strictObject({ name: groupNameSchema })

export const groupMemberInputSchema = z.strictObject({ userId: uuidSchema })

export const groupSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  memberIds: z.array(z.string()),
  createdAt: z.string(),
})
export type Group = z.infer<typeof groupSchema>

export const groupListSchema = z.strictObject({ groups: z.array(groupSchema) })
export type GroupList = z.infer<typeof groupListSchema>
