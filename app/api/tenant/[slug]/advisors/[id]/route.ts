import { advisorInputSchema, advisorSchema } from '@/lib/contracts/advisors'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { deleteAdvisor, getAdvisor, updateAdvisor } from '@/lib/multi-tenant/advisors'

export const dynamic = 'force-dynamic'

type Params = { slug: string; id: string }

/** The advisor, if the caller may use it (404 otherwise). */
export const GET = tenantRoute<Params>({ minRole: 'viewer' }, async ({ caller, params }) =>
  contractJson(advisorSchema, await getAdvisor(caller, caller.tenant.id, params.id)),
)

/** The same body as POST, replacing the advisor; by those who keep it (403 for others who may use it). */
export const PUT = tenantRoute<Params, typeof advisorInputSchema>(
  { minRole: 'user', body: advisorInputSchema },
  async ({ caller, body, params }) => contractJson(advisorSchema, await updateAdvisor(caller, caller.tenant.id, params.id, body)),
)

/** 204; its conversations stay, without an advisor. */
export const DELETE = tenantRoute<Params>({ minRole: 'user' }, async ({ caller, params }) => {
  await deleteAdvisor(caller, caller.tenant.id, params.id)
  return new Response(null, { status: 204 })
})
