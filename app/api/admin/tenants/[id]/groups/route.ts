import { groupInputSchema, groupListSchema, groupSchema } from '@/lib/contracts/groups'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { addGroup, listGroups } from '@/lib/multi-tenant/groups'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `{ groups }`, each with its members' user ids. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(groupListSchema, await listGroups(caller, params.id)),
)

/** `{ name }` -> 201 the new, empty group (409 for a name in use); audited. */
export const POST = tenantRoute<Params, typeof groupInputSchema>(
  { by: 'id', minRole: 'admin', body: groupInputSchema },
  async ({ caller, body, params }) => contractJson(groupSchema, await addGroup(caller, params.id, body.name), 201),
)
