import { advisorSettingsSchema } from '@/lib/contracts/advisors'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { readAdvisorSettings, updateAdvisorSettings } from '@/lib/multi-tenant/advisors'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `{ allowPersonalAdvisors }`. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(advisorSettingsSchema, await readAdvisorSettings(caller, params.id)),
)

/** `{ allowPersonalAdvisors }` -> the same: whether members may add advisors over their own documents; audited. */
export const PUT = tenantRoute<Params, typeof advisorSettingsSchema>(
  { by: 'id', minRole: 'admin', body: advisorSettingsSchema },
  async ({ caller, body, params }) => contractJson(advisorSettingsSchema, await updateAdvisorSettings(caller, params.id, body)),
)
