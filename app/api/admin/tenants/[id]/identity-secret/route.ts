import { identitySecretResponseSchema } from '@/lib/contracts/end-users'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { readIdentitySecret, rotateIdentitySecret } from '@/lib/multi-tenant/end-users'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `{ secret, createdAt }`: the tenant's identity secret for signing its end users' ids (null before the first). */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(identitySecretResponseSchema, await readIdentitySecret(caller, params.id)),
)

/** Makes a new identity secret, replacing the old one (its hashes stop working); audited. */
export const POST = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(identitySecretResponseSchema, await rotateIdentitySecret(caller, params.id)),
)
