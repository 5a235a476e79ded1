import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import {
  accessRequestCreateSchema,
  accessRequestListResponseSchema,
  accessRequestResponseSchema,
  requestListQuerySchema,
} from '@/lib/contracts/requests'
import { fileAccessRequest, listAccessRequests } from '@/lib/multi-tenant/requests'

export const dynamic = 'force-dynamic'

type Params = { slug: string }

/**
 * `?status=pending|approved|rejected` -> `{ requests }`, the pending ones first (oldest
 * first), then the decided ones (newest first): the tenant's admins (and platform admins)
 * see every request, anyone else signed in only their own.
 */
export const GET = tenantRoute<Params, undefined, typeof requestListQuerySchema>(
  { minRole: 'signed-in', query: requestListQuerySchema },
  async ({ caller, query }) =>
    contractJson(accessRequestListResponseSchema, { requests: await listAccessRequests(caller, caller.tenant.id, query) }),
)

/**
 * `{ message }` -> 201 `{ request }`: a signed-in, verified person who is not a member asks
 * to join. 409 for a member, or while an earlier request is pending.
 */
export const POST = tenantRoute<Params, typeof accessRequestCreateSchema>(
  { minRole: 'signed-in', serving: true, body: accessRequestCreateSchema },
  async ({ caller, body }) =>
    contractJson(accessRequestResponseSchema, { request: await fileAccessRequest(caller, caller.tenant.id, body) }, 201),
)
