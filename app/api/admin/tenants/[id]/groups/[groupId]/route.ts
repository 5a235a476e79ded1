import { groupInputSchema, groupSchema } from '@/lib/contracts/groups'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { removeGroup, renameGroup } from '@/lib/multi-tenant/groups'

export const dynamic = 'force-dynamic'

type Params = { id: string; groupId: string }

/** `{ name }` -> the renamed group; audited. */
export const PUT = tenantRoute<Params, typeof groupInputSchema>(
  { by: 'id', minRole: 'admin', body: groupInputSchema },
  async ({ caller, body, params }) => contractJson(groupSchema, await renameGroup(caller, params.id, params.groupId, body.name)),
)

/** 204: the group goes, and with it what was shared with it or given to it; audited. */
export const DELETE = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) => {
  await removeGroup(caller, params.id, params.groupId)
  return new Response(null, { status: 204 })
})
