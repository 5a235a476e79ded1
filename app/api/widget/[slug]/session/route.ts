import { widgetSessionSchema } from '@/lib/contracts/widget'
import { contractJson } from '@/lib/http/route'
import { widgetPreflight, widgetRoute } from '@/lib/http/widget-route'
import { resolveWidgetCaller, widgetSession } from '@/lib/multi-tenant/widget'

export const dynamic = 'force-dynamic'

/** With the widget token: `{ branding, endUser, messages }`, what the widget's frame shows when it opens. */
export const GET = widgetRoute({}, async ({ tenant, request, ...context }) =>
  contractJson(widgetSessionSchema, await widgetSession(await resolveWidgetCaller(request.headers, tenant, context))),
)

export const OPTIONS = widgetPreflight()
