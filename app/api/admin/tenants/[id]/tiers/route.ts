import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { tierInputSchema, tierListResponseSchema, tierResponseSchema } from '@/lib/contracts/tiers'
import { createTier, listTiers } from '@/lib/multi-tenant/tiers'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** The tenant's tiers and each member's tier and use this month. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(tierListResponseSchema, await listTiers(caller, params.id)),
)

/** `{ name, messagesPerMonth, tokensPerMonth }` (null = unlimited) -> 201 `{ tier }`; a taken name is 409; audited. */
export const POST = tenantRoute<Params, typeof tierInputSchema>(
  { by: 'id', minRole: 'admin', body: tierInputSchema },
  async ({ caller, body, params }) => contractJson(tierResponseSchema, { tier: await createTier(caller, params.id, body) }, 201),
)
