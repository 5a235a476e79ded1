import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { tierInputSchema, tierResponseSchema } from '@/lib/contracts/tiers'
import { deleteTier, updateTier } from '@/lib/multi-tenant/tiers'

export const dynamic = 'force-dynamic'

type Params = { id: string; tierId: string }

/** The whole tier again -> `{ tier }`; audited. */
export const PUT = tenantRoute<Params, typeof tierInputSchema>(
  { by: 'id', minRole: 'admin', body: tierInputSchema },
  async ({ caller, body, params }) => contractJson(tierResponseSchema, { tier: await updateTier(caller, params.id, params.tierId, body) }),
)

/** 204; the tier's members are left without one; audited. */
export const DELETE = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) => {
  await deleteTier(caller, params.id, params.tierId)
  return new Response(null, { status: 204 })
})
