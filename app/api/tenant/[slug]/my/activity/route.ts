import { myActivitySchema } from '@/lib/contracts/activity'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { myActivity } from '@/lib/multi-tenant/activity'

export const dynamic = 'force-dynamic'

type Params = { slug: string }

/** `{ activity }`: the caller's own activity in this tenant. */
export const GET = tenantRoute<Params>({ minRole: 'viewer' }, async ({ caller }) =>
  contractJson(myActivitySchema, { activity: await myActivity(caller, caller.tenant.id) }),
)
