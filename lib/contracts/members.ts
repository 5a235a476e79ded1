import { z } from 'zod'
import { TENANT_ROLES } from '@/lib/auth/roles'

/* Bodies of /api/admin/tenants/[id]/members and /members/[userId]. */

export const memberRoleSchema = z.enum(TENANT_ROLES, { message: 'must be admin, user or viewer' })
/** The only roles the API grants. Platform admin is not a tenant role and no route grants it. */
export type MemberRole = z.infer<typeof memberRoleSchema>

export const addMemberSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ message: 'must be an email address' })),
  role: memberRoleSchema,
})
export type AddMemberInput = z.infer<typeof addMemberSchema>

export const changeRoleSchema = z.strictObject({ role: memberRoleSchema })

export const memberSchema = z.strictObject({ userId: z.string(), email: z.string(), role: memberRoleSchema, createdAt: z.string() })
export type Member = z.infer<typeof memberSchema>

export const pendingInvitationSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  expiresAt: z.string(),
  createdAt: z.string(),
})
export type PendingInvitation = z.infer<typeof pendingInvitationSchema>

export const createdInvitationSchema = z.strictObject({ email: z.string(), role: memberRoleSchema, expiresAt: z.string() })
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>

export const memberListResponseSchema = z.strictObject({ members: z.array(memberSchema), invitations: z.array(pendingInvitationSchema) })
export type MemberList = z.infer<typeof memberListResponseSchema>

/** 201 answer of POST: the same whether or not the address has an account. */
export const addMemberResponseSchema = z.strictObject({ invitation: createdInvitationSchema })

export const memberResponseSchema = z.strictObject({ member: memberSchema })

/** 201 answer of POST .../invitations/[invitationId]/resend: the new invitation (the old id and link are gone). */
export const invitationResponseSchema = z.strictObject({ invitation: pendingInvitationSchema })
