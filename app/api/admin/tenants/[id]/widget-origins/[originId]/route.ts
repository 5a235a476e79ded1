import { tenantRoute } from '@/lib/http/tenant-route'
import { removeWidgetOrigin } from '@/lib/multi-tenant/widget'

export const dynamic = 'force-dynamic'

type Params = { id: string; originId: string }

/** 204: the origin may embed the widget no more (its open widgets are refused at their next request); audited. */
export const DELETE = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) => {
  await removeWidgetOrigin(caller, params.id, params.originId)
  return new Response(null, { status: 204 })
})
