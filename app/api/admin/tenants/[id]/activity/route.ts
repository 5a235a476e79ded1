import { memberActivityListSchema } from '@/lib/contracts/activity'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { listMemberActivity } from '@/lib/multi-tenant/activity'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `{ members }`: each member's last activity, conversations, uploads, personal documents (count and size) and feedback. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(memberActivityListSchema, await listMemberActivity(caller, params.id)),
)
