import { z } from 'zod'

/*
 * End users of a tenant's own site: the identity secret admins read and rotate
 * (/api/admin/tenants/[id]/identity-secret), and what names an end user on the public API.
 */

/** The header of /api/v1/chat/completions that carries HMAC-SHA256(user, identity secret), in hex. */
export const USER_HASH_HEADER = 'x-user-hash'

/** The tenant's own id for an end user: what it signs. */
export const endUserIdSchema = z.string().min(1, { message: 'must not be empty' }).max(256, { message: 'must be at most 256 characters' })

/** A user hash as sent: 64 hex digits (either case). */
export const userHashSchema = z.string().regex(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hexadecimal digits (HMAC-SHA256)' })

/** GET and POST (rotate) answer: the secret, or null before the first one is made. */
export const identitySecretResponseSchema = z.strictObject({
  secret: z.string().nullable(),
  createdAt: z.string().nullable(),
})
export type IdentitySecret = z.infer<typeof identitySecretResponseSchema>
