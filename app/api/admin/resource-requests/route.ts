import { contractJson } from '@/lib/http/route'
import { platformRoute } from '@/lib/http/tenant-route'
import { requestListQuerySchema, resourceRequestListResponseSchema } from '@/lib/contracts/requests'
import { listResourceRequests } from '@/lib/multi-tenant/requests'

export const dynamic = 'force-dynamic'

/** `?status=pending` -> `{ requests }` of every tenant; platform admins only (403). */
export const GET = platformRoute({ query: requestListQuerySchema }, async ({ caller, query }) =>
  contractJson(resourceRequestListResponseSchema, { requests: await listResourceRequests(caller, query) }),
)
