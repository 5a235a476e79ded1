import { NextResponse, type NextRequest } from 'next/server'
import { refreshSupabaseSession } from '@/lib/auth/supabase/client'
import { config as env } from '@/lib/env'
import { forwardedHost } from '@/lib/http/forwarded'
import { routeForHost, TENANT_SLUG_HEADER, UNKNOWN_HOST_PATH, type RouteDecision } from '@/lib/multi-tenant/tenants/host-routing'
import { resolveTenantByHost } from '@/lib/multi-tenant/tenants/directory'

/**
 * The request as the app will see it. A client-sent x-tenant-slug is always dropped:
 * only the tenant this proxy resolved from the host is ever passed on.
 */
function forward(decision: RouteDecision, request: NextRequest): NextResponse {
  const headers = new Headers(request.headers)
  headers.delete(TENANT_SLUG_HEADER)
  if (decision.kind === 'tenant') headers.set(TENANT_SLUG_HEADER, decision.slug)
  const rewriteTo = decision.kind === 'tenant' ? decision.rewriteTo : null
  if (!rewriteTo) return NextResponse.next({ request: { headers } })
  const url = request.nextUrl.clone()
  url.pathname = rewriteTo
  return NextResponse.rewrite(url, { request: { headers } })
}

function notFound(decision: Extract<RouteDecision, { kind: 'not_found' }>, request: NextRequest): NextResponse {
  if (decision.api) {
    return NextResponse.json({ error: { code: 'not_found', message: 'Nothing is served at this address.' } }, { status: 404 })
  }
  const url = request.nextUrl.clone()
  url.pathname = UNKNOWN_HOST_PATH
  url.search = ''
  return NextResponse.rewrite(url)
}

/**
 * Host-based routing: `<slug>.<PLATFORM_DOMAIN>` and a tenant's own domain serve that
 * tenant's `/t/<slug>` pages; the platform host serves everything else; unknown hosts
 * and the console on a tenant host are 404s. In Supabase mode an expiring session is
 * refreshed here, before any page or route reads it.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { PLATFORM_DOMAIN: platformDomain, modes } = env()
  const decision = await routeForHost(
    { host: forwardedHost(request.headers), pathname: request.nextUrl.pathname, platformDomain },
    (hostname) => resolveTenantByHost(hostname, platformDomain),
  )
  if (decision.kind === 'not_found') return notFound(decision, request)
  if (modes.auth === 'supabase') return refreshSupabaseSession(request, (current) => forward(decision, current))
  return forward(decision, request)
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
