import { tenantRoute } from '@/lib/http/tenant-route'
import { removeShare } from '@/lib/multi-tenant/sharing'

export const dynamic = 'force-dynamic'

type Params = { slug: string; id: string }

/** 204: revoked; its grantees read it no more. */
export const DELETE = tenantRoute<Params>({ minRole: 'viewer' }, async ({ caller, params }) => {
  await removeShare(caller, caller.tenant.id, params.id)
  return new Response(null, { status: 204 })
})
