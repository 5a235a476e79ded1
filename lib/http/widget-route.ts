import type { z } from 'zod'
import { isHttps } from '@/lib/auth/cookies'
import { AppError } from '@/lib/errors'
import { embeddingOrigins } from '@/lib/multi-tenant/widget'
import { resolveTenantBySlug, type TenantRoute } from '@/lib/multi-tenant/tenants'
import { clientIp, forwardedHost } from './forwarded'
import { parseJson, route } from './route'

type Schema = z.ZodType | undefined
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined
type Context = { params: Promise<{ slug: string }> }

export type WidgetRequest<B extends Schema> = {
  tenant: TenantRoute
  /** The Origin header, if the browser sent one. */
  requestOrigin: string | null
  /** This server's own origin as the request reached it (the widget's page, on the tenant's host). */
  ownOrigin: string
  /** The origins that may embed the tenant (empty when it is not serving). */
  allowed: readonly string[]
  body: Parsed<B>
  ip: string | null
  request: Request
}

function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-max-age': '600',
  }
}

/** Every answer varies by Origin; an allowed origin may read it (no credentials: the widget sends no cookies). */
function withCors(response: Response, origin: string | null, allowed: readonly string[]): Response {
  const copy = new Response(response.body, response)
  copy.headers.append('vary', 'Origin')
  if (origin !== null && allowed.includes(origin))
    for (const [name, value] of Object.entries(corsHeaders(origin))) copy.headers.set(name, value)
  return copy
}

async function tenantOf(context: Context): Promise<TenantRoute> {
  const tenant = await resolveTenantBySlug((await context.params).slug)
  if (!tenant) throw new AppError('not_found', 'No such tenant.')
  return tenant
}

/**
 * A route of the widget (/api/widget/[slug]/...): called from pages of other origins, so
 * CORS answers come from the tenant's allowed origins and nothing else; errors leave in
 * the one shape (readable by an allowed origin: a wrong user hash must be shown there).
 */
export function widgetRoute<B extends Schema = undefined>(
  options: { body?: B },
  handler: (args: WidgetRequest<B>) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const requestOrigin = request.headers.get('origin')
    let allowed: readonly string[] = []
    const answer = await route<Context>(async () => {
      const tenant = await tenantOf(context)
      allowed = await embeddingOrigins(tenant.id)
      const body = (options.body ? await parseJson(request, options.body) : undefined) as Parsed<B>
      const ownOrigin = `${isHttps(request) ? 'https' : 'http'}://${forwardedHost(request.headers) ?? new URL(request.url).host}`
      return handler({ tenant, requestOrigin, ownOrigin, allowed, body, ip: clientIp(request), request })
    })(request, context)
    return withCors(answer, requestOrigin, allowed)
  }
}

/** The CORS preflight of a widget route: allowed for the tenant's origins, refused (403) for any other. */
export function widgetPreflight(): (request: Request, context: Context) => Promise<Response> {
  return widgetRoute({}, async ({ requestOrigin, allowed }) => {
    if (requestOrigin === null || !allowed.includes(requestOrigin)) throw originRefused(requestOrigin)
    return new Response(null, { status: 204 })
  })
}

export function originRefused(origin: string | null): AppError {
  return new AppError(
    'forbidden',
    origin
      ? `${origin} is not allowed to embed this assistant: its admins add it under Embed in the dashboard.`
      : 'Embed the widget from an allowed site.',
  )
}
