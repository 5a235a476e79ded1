import { isHttps } from '@/lib/auth/cookies'
import { widgetTokenRequestSchema, widgetTokenResponseSchema } from '@/lib/contracts/widget'
import { config } from '@/lib/env'
import { forwardedHost } from '@/lib/http/forwarded'
import { contractJson } from '@/lib/http/route'
import { originRefused, widgetPreflight, widgetRoute } from '@/lib/http/widget-route'
import { portOfHost } from '@/lib/multi-tenant/tenants'
import { issueWidgetToken } from '@/lib/multi-tenant/widget'

export const dynamic = 'force-dynamic'

/**
 * widget.js asks here from the embedding page: `{ userId?, userHash? }` -> `{ token,
 * expiresAt, frameUrl, branding }`. The browser's Origin must be on the tenant's list
 * (403 otherwise); a wrong user hash is 401.
 */
export const POST = widgetRoute({ body: widgetTokenRequestSchema }, async ({ tenant, requestOrigin, allowed, body, ip, request }) => {
  if (requestOrigin === null || !allowed.includes(requestOrigin)) throw originRefused(requestOrigin)
  const reached = {
    https: isHttps(request),
    port: portOfHost(forwardedHost(request.headers)),
    platformDomain: config().PLATFORM_DOMAIN,
  }
  return contractJson(widgetTokenResponseSchema, await issueWidgetToken({ tenant, origin: requestOrigin, body, ip, reached }))
})

export const OPTIONS = widgetPreflight()
