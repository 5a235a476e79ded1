import { z } from 'zod'
import { MAX_PASSWORD_LENGTH } from '@/lib/auth/password-policy'

/*
 * Bodies of the /api/auth/two-factor routes (local accounts; Supabase Auth has MFA of
 * its own). A code is the authenticator's 6 digits or a recovery code (`abcd-efgh-…`).
 */

export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(6, { message: 'is too short' })
  .max(40, { message: 'is too long' })
  .regex(/^[A-Za-z0-9\s-]+$/, { message: 'is not a code' })

/** GET /api/auth/two-factor: `pending` = set up, not yet confirmed with a code. */
export const twoFactorStatusSchema = z.strictObject({
  enabled: z.boolean(),
  pending: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
})
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>

/** POST /api/auth/two-factor/setup (no body): the seed, to type in or scan as a QR code. */
export const twoFactorSetupResponseSchema = z.strictObject({ secret: z.string(), otpauthUrl: z.string() })
export type TwoFactorSetup = z.infer<typeof twoFactorSetupResponseSchema>

/** POST /api/auth/two-factor/enable. */
export const twoFactorEnableSchema = z.object({ code: secondFactorCodeSchema })
export const twoFactorEnableResponseSchema = z.strictObject({ recoveryCodes: z.array(z.string()) })

/** POST /api/auth/two-factor/disable: a current code or the password (204). */
export const twoFactorDisableSchema = z
  .object({
    code: secondFactorCodeSchema.optional(),
    password: z.string().min(1, { message: 'is required' }).max(MAX_PASSWORD_LENGTH).optional(),
  })
  .refine((value) => (value.code === undefined) !== (value.password === undefined), {
    message: 'send either a current code or your password',
    path: ['code'],
  })
export type TwoFactorDisable = z.infer<typeof twoFactorDisableSchema>
