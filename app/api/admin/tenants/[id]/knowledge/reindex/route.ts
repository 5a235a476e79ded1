import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { jobResponseSchema } from '@/lib/contracts/knowledge-jobs'
import { requestReindex } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/** 202 `{ job }`: re-embeds the chunks whose vectors come from another model; joins a re-embedding already under way. */
export const POST = tenantRoute<{ id: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(jobResponseSchema, { job: await requestReindex(caller, params.id) }, 202),
)
