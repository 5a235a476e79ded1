import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { apiKeyListResponseSchema, createApiKeySchema, createdApiKeyResponseSchema } from '@/lib/contracts/api-keys'
import { createApiKey, listApiKeys } from '@/lib/multi-tenant/api-keys'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `{ keys }`: every key of the tenant, revoked ones included, by prefix (never a secret). */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(apiKeyListResponseSchema, await listApiKeys(caller, params.id)),
)

/** `{ name, scopes, expiresAt? }` -> 201 `{ key, secret }`: the secret is shown this once. */
export const POST = tenantRoute<Params, typeof createApiKeySchema>(
  { by: 'id', minRole: 'admin', body: createApiKeySchema },
  async ({ caller, body, params }) => contractJson(createdApiKeyResponseSchema, await createApiKey(caller, params.id, body), 201),
)
