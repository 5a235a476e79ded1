import { z } from 'zod'
import { emailSchema, MAX_PASSWORD_LENGTH, passwordProblem } from '@/lib/auth/password-policy'
import { errorBodySchema } from './errors'
import { memberRoleSchema } from './members'
import { secondFactorCodeSchema } from './two-factor'

/*
 * Bodies of the /api/auth routes: what the sign-in, sign-up and account pages send, and
 * the answers they read. Answers without a body (logout, password change, account and
 * session deletion) are 204s: lib/contracts/no-content.ts.
 */

const tokenSchema = (what: string) =>
  z
    .string()
    .min(20)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, { message: `is not ${what}` })

const inviteTokenSchema = tokenSchema('an invitation token')

/** POST /api/auth/signup. The password policy needs the address, so it is checked on the whole body. */
export const signupSchema = z
  .object({
    email: emailSchema,
    password: z.string(),
    inviteToken: inviteTokenSchema.optional(),
  })
  .superRefine((value, context) => {
    const problem = passwordProblem(value.password, value.email)
    if (problem) context.addIssue({ code: 'custom', path: ['password'], message: problem })
  })

/** POST /api/auth/login: any password up to the maximum, so the policy never tells which accounts exist. */
export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'is required' }).max(MAX_PASSWORD_LENGTH),
  /** The second factor of an account with two-factor sign-in: without it such an account gets 401 `two_factor_required`. */
  code: secondFactorCodeSchema.optional(),
  inviteToken: inviteTokenSchema.optional(),
})

/** POST /api/auth/password. The new password's policy needs the session's address: the route checks it. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, { message: 'is required' }).max(MAX_PASSWORD_LENGTH),
  newPassword: z.string(),
})

export const acceptInvitationSchema = z.object({ token: inviteTokenSchema })

export const verifyEmailSchema = z.object({ token: tokenSchema('a verification token') })

export const resendVerificationSchema = z.object({ email: emailSchema })

export const userSchema = z.strictObject({ id: z.string(), email: z.string() })

export const acceptedInvitationSchema = z.strictObject({ tenantId: z.string(), role: memberRoleSchema })
export type AcceptedInvitation = z.infer<typeof acceptedInvitationSchema>

/** An invitation token sent with sign-in or sign-up: joined, or why not (the account or session stands either way). */
export const invitationOutcomeSchema = z.union([
  z.strictObject({ accepted: acceptedInvitationSchema }),
  z.strictObject({ error: errorBodySchema.shape.error.pick({ code: true, message: true }) }),
])
export type InvitationOutcome = z.infer<typeof invitationOutcomeSchema>

export const loginResponseSchema = z.strictObject({ user: userSchema, invitation: invitationOutcomeSchema.optional() })

/** 202, the same whether or not the address has an account; a session starts only where no confirmation is required. */
export const signupResponseSchema = z.strictObject({
  email: z.string(),
  confirmationRequired: z.boolean(),
  invitation: invitationOutcomeSchema.optional(),
})

/** `returnTo`: the invitation page the person signed up from, or null. */
export const verifyEmailResponseSchema = z.strictObject({ verified: z.literal(true), returnTo: z.string().nullable() })

/** 202 whatever the address. */
export const resendVerificationResponseSchema = z.strictObject({ email: z.string(), sent: z.literal(true) })

export const acceptInvitationResponseSchema = z.strictObject({ membership: acceptedInvitationSchema })

export const membershipSchema = z.strictObject({ tenantId: z.string(), slug: z.string(), name: z.string(), role: memberRoleSchema })
export type Membership = z.infer<typeof membershipSchema>

/** GET /api/auth/session: who I am and where I belong. */
export const sessionResponseSchema = z.strictObject({
  user: userSchema,
  isPlatformAdmin: z.boolean(),
  memberships: z.array(membershipSchema),
})
export type Identity = z.infer<typeof sessionResponseSchema>

/** One of my signed-in devices. */
export const accountSessionSchema = z.strictObject({
  id: z.string(),
  current: z.boolean(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** The host the session was started on (a session belongs to one site); null for one older than that record. */
  site: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
})
export type AccountSession = z.infer<typeof accountSessionSchema>

export const sessionListResponseSchema = z.strictObject({ sessions: z.array(accountSessionSchema) })

/** POST /api/auth/sessions/revoke-others: null when the auth provider cannot count. */
export const revokeOthersResponseSchema = z.strictObject({ revoked: z.number().int().min(0).nullable() })
