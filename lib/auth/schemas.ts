import { z } from 'zod'
import { AppError } from '@/lib/errors'
import { emailSchema, MAX_PASSWORD_LENGTH, passwordProblem } from './password-policy'

const inviteToken = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'is not an invitation token' })

export const signupSchema = z
  .object({
    email: emailSchema,
    password: z.string(),
    inviteToken: inviteToken.optional(),
  })
  .superRefine((value, context) => {
    const problem = passwordProblem(value.password, value.email)
    if (problem) context.addIssue({ code: 'custom', path: ['password'], message: problem })
  })

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'is required' }).max(MAX_PASSWORD_LENGTH),
  inviteToken: inviteToken.optional(),
})

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, { message: 'is required' }).max(MAX_PASSWORD_LENGTH),
  newPassword: z.string(),
})

export const acceptInvitationSchema = z.object({ token: inviteToken })

export const verifyEmailSchema = z.object({
  token: z
    .string()
    .min(20)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'is not a verification token' }),
})

export const resendVerificationSchema = z.object({ email: emailSchema })

/** The policy for a new password of a signed-in user, whose email comes from the session. */
export function assertPasswordAllowed(password: string, email: string): void {
  const problem = passwordProblem(password, email)
  if (problem) {
    throw new AppError('bad_request', `The new password ${problem}.`, { details: { fields: { newPassword: problem } } })
  }
}
