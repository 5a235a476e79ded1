import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import {
  requestListQuerySchema,
  resourceRequestCreateSchema,
  resourceRequestListResponseSchema,
  resourceRequestResponseSchema,
} from '@/lib/contracts/requests'
import { fileResourceRequest, listTenantResourceRequests } from '@/lib/multi-tenant/requests'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `?status=` -> `{ requests }`: the tenant's requests to the platform and their outcomes, newest first. */
export const GET = tenantRoute<Params, undefined, typeof requestListQuerySchema>(
  { by: 'id', minRole: 'admin', query: requestListQuerySchema },
  async ({ caller, params, query }) =>
    contractJson(resourceRequestListResponseSchema, { requests: await listTenantResourceRequests(caller, params.id, query) }),
)

/**
 * `{ kind: "plan" | "limits" | "restricted_access", planTier?, limits?, reason }` -> 201
 * `{ request }`, by one of the tenant's admins; 409 while one of the kind is pending.
 */
export const POST = tenantRoute<Params, typeof resourceRequestCreateSchema>(
  { by: 'id', minRole: 'admin', body: resourceRequestCreateSchema },
  async ({ caller, body, params }) =>
    contractJson(resourceRequestResponseSchema, { request: await fileResourceRequest(caller, params.id, body) }, 201),
)
