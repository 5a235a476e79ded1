import { tenantRoute } from '@/lib/http/tenant-route'
import { revokeApiKey } from '@/lib/multi-tenant/api-keys'

export const dynamic = 'force-dynamic'

type Params = { id: string; keyId: string }

/** 204: the key is revoked at once (its next request is 401); revoking it again changes nothing. */
export const DELETE = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) => {
  await revokeApiKey(caller, params.id, params.keyId)
  return new Response(null, { status: 204 })
})
