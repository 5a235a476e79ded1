import { advisorInputSchema, advisorListSchema, advisorSchema } from '@/lib/contracts/advisors'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { createAdvisor, listAdvisors } from '@/lib/multi-tenant/advisors'

export const dynamic = 'force-dynamic'

type Params = { slug: string }

/** `{ advisors, mayAddPersonal }`: the advisors the caller may use. */
export const GET = tenantRoute<Params>({ minRole: 'viewer' }, async ({ caller }) =>
  contractJson(advisorListSchema, await listAdvisors(caller, caller.tenant.id)),
)

/**
 * `{ name, color?, personality?, collectionIds, starterQuestions?, visibility: { all?, roles?, groupIds?, userIds? }, personal? }`
 * -> 201 the advisor. Tenant admins add the tenant's advisors; a member adds a personal one
 * (no collections, no audience) where the tenant allows it (403 otherwise).
 */
export const POST = tenantRoute<Params, typeof advisorInputSchema>(
  { minRole: 'user', body: advisorInputSchema },
  async ({ caller, body }) => contractJson(advisorSchema, await createAdvisor(caller, caller.tenant.id, body), 201),
)
