import { shareCreateSchema, shareListSchema, shareSchema } from '@/lib/contracts/shares'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { createShare, listShares } from '@/lib/multi-tenant/sharing'

export const dynamic = 'force-dynamic'

type Params = { slug: string }

/** `{ mine, sharedWithMe }`. */
export const GET = tenantRoute<Params>({ minRole: 'viewer' }, async ({ caller }) =>
  contractJson(shareListSchema, await listShares(caller, caller.tenant.id)),
)

/**
 * `{ resourceType, resourceId, grantee: { userId } | { groupId } | { tenant: true } }` -> 201
 * the share. Only what is the caller's own (a personal document or advisor, a conversation),
 * only within this tenant: anything else is 404, the same share twice 409.
 */
export const POST = tenantRoute<Params, typeof shareCreateSchema>(
  { minRole: 'viewer', body: shareCreateSchema },
  async ({ caller, body }) => contractJson(shareSchema, await createShare(caller, caller.tenant.id, body), 201),
)
