import { z } from 'zod'

/* Bodies of /api/admin/tenants/[id]/api-keys and /api-keys/[keyId]. */

/** What a key may do; the SQL check on public.tenant_api_keys.scopes holds the same list. */
export const API_KEY_SCOPES = ['chat', 'knowledge:read', 'knowledge:write', 'usage:read'] as const
export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES, { message: 'must be chat, knowledge:read, knowledge:write or usage:read' })
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(100, { message: 'must be at most 100 characters' }),
  scopes: z
    .array(apiKeyScopeSchema)
    .min(1, { message: 'must name at least one scope' })
    .max(API_KEY_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)]),
  /** Absent or null: the key does not expire. */
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
    .refine((value) => Date.parse(value) > Date.now(), { message: 'must be in the future' })
    .refine((value) => Date.parse(value) < Date.parse('2100-01-01T00:00:00Z'), { message: 'must be before 2100' })
    .nullish(),
})
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>

/** A key as listed: its prefix, never its secret or the secret's hash. */
export const apiKeySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiKeyScopeSchema),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type ApiKey = z.infer<typeof apiKeySchema>

export const apiKeyListResponseSchema = z.strictObject({ keys: z.array(apiKeySchema) })

/** 201 answer of POST: the secret, shown this once; the server keeps only its hash. */
export const createdApiKeyResponseSchema = z.strictObject({ key: apiKeySchema, secret: z.string() })
export type CreatedApiKey = z.infer<typeof createdApiKeyResponseSchema>
