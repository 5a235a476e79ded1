import { addWidgetOriginSchema, widgetOriginListSchema, widgetOriginSchema } from '@/lib/contracts/widget'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { addWidgetOrigin, listWidgetOrigins } from '@/lib/multi-tenant/widget'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `{ origins }`: the sites allowed to embed the tenant's widget. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(widgetOriginListSchema, await listWidgetOrigins(caller, params.id)),
)

/** `{ origin }` (`scheme://host[:port]`) -> 201 the allowed origin; audited. */
export const POST = tenantRoute<Params, typeof addWidgetOriginSchema>(
  { by: 'id', minRole: 'admin', body: addWidgetOriginSchema },
  async ({ caller, body, params }) => contractJson(widgetOriginSchema, await addWidgetOrigin(caller, params.id, body.origin), 201),
)
