import { widgetAnswerSchema, widgetAskSchema } from '@/lib/contracts/widget'
import { contractJson } from '@/lib/http/route'
import { widgetPreflight, widgetRoute } from '@/lib/http/widget-route'
import { askInWidget, resolveWidgetCaller } from '@/lib/multi-tenant/widget'

export const dynamic = 'force-dynamic'

/** With the widget token: `{ input, conversationDepth? }` -> the oracle's answer with its sources, for the widget's end user. */
export const POST = widgetRoute({ body: widgetAskSchema }, async ({ tenant, body, ip, request, ...context }) => {
  const caller = await resolveWidgetCaller(request.headers, tenant, context)
  return contractJson(widgetAnswerSchema, await askInWidget(caller, body, { ip, signal: request.signal }))
})

export const OPTIONS = widgetPreflight()
