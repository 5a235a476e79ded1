import { usageReportResponseSchema } from '@/lib/contracts/usage'
import { contractJson } from '@/lib/http/route'
import { keyRoute } from '@/lib/http/key-route'
import { usageAsKey } from '@/lib/multi-tenant/public-api'

export const dynamic = 'force-dynamic'

/** The tenant's usage (a key with `usage:read`): the report the dashboard's usage page reads. */
export const GET = keyRoute({ scope: 'usage:read' }, async ({ caller }) =>
  contractJson(usageReportResponseSchema, await usageAsKey(caller)),
)
