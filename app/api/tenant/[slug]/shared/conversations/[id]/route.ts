import { sharedConversationSchema } from '@/lib/contracts/shares'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { readSharedConversation } from '@/lib/multi-tenant/sharing'

export const dynamic = 'force-dynamic'

type Params = { slug: string; id: string }

/** A conversation shared with the caller, read-only, its sources cut to what the caller may read; 404 otherwise. */
export const GET = tenantRoute<Params>({ minRole: 'viewer' }, async ({ caller, params }) =>
  contractJson(sharedConversationSchema, await readSharedConversation(caller, caller.tenant.id, params.id)),
)
