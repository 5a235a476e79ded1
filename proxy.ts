import { NextResponse, type NextRequest } from 'next/server'
import { refreshSupabaseSession } from '@/lib/auth/supabase/client'
import { config as env } from '@/lib/env'
import { isHttps } from '@/lib/auth/cookies'
import { forwardedHost } from '@/lib/http/forwarded'
import { API_POLICY, contentSecurityPolicy, newNonce, NONCE_HEADER, securityHeaders } from '@/lib/http/security-headers'
import { newVisitorId, VISITOR_COOKIE, visitorIdOf } from '@/lib/http/visitor-cookie'
import { routeForHost, TENANT_SLUG_HEADER, UNKNOWN_HOST_PATH, type RouteDecision } from '@/lib/multi-tenant/tenants/host-routing'
import { resolveTenantByHost, resolveTenantBySlug } from '@/lib/multi-tenant/tenants/directory'
import { embeddingOrigins } from '@/lib/multi-tenant/widget/embedding-origins'
import { embedPageSlug, WIDGET_SCRIPT_PATH } from '@/lib/multi-tenant/widget/paths'

type Protection = { policy: string; https: boolean; nonce: string | null; framable: boolean }

function pagePolicy(nonce: string, https: boolean, frameAncestors: readonly string[] = []): string {
  const { NODE_ENV, NEXT_PUBLIC_SUPABASE_URL } = env()
  const connectTo = NEXT_PUBLIC_SUPABASE_URL ? [new URL(NEXT_PUBLIC_SUPABASE_URL).origin] : []
  return contentSecurityPolicy({ nonce, development: NODE_ENV === 'development', https, connectTo, frameAncestors })
}

function protectionFor(request: NextRequest): Protection {
  const https = isHttps(request)
  const path = request.nextUrl.pathname
  // widget.js is a script for other sites' pages, data like an API answer: no nonce, no visitor cookie.
  if (path === '/api' || path.startsWith('/api/') || path === WIDGET_SCRIPT_PATH)
    return { policy: API_POLICY, https, nonce: null, framable: false }
  const nonce = newNonce()
  return { policy: pagePolicy(nonce, https), https, nonce, framable: false }
}

/**
 * The widget's page may be framed by the tenant's allowed origins, and only by them: its
 * frame-ancestors names them (none, so 'none', when the tenant has none or is not serving).
 */
async function embedProtection(decision: Exclude<RouteDecision, { kind: 'not_found' }>, request: NextRequest, protection: Protection) {
  const served = decision.kind === 'tenant' ? (decision.rewriteTo ?? request.nextUrl.pathname) : request.nextUrl.pathname
  const slug = embedPageSlug(served)
  if (slug === null || protection.nonce === null) return protection
  const tenant = await resolveTenantBySlug(slug)
  const origins = tenant ? await embeddingOrigins(tenant.id) : []
  return { ...protection, policy: pagePolicy(protection.nonce, protection.https, origins), framable: origins.length > 0 }
}

function protect(response: NextResponse, protection: Protection, request?: NextRequest): NextResponse {
  const headers = securityHeaders(protection.policy, protection.https, protection.framable)
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  // A page visit gives the browser its visitor id, which its questions then carry.
  if (request && protection.nonce && !visitorIdOf(request.headers)) {
    response.cookies.set(VISITOR_COOKIE, newVisitorId(), {
      httpOnly: true,
      sameSite: 'lax',
      secure: protection.https,
      path: '/',
      maxAge: 365 * 24 * 3600,
    })
  }
  return response
}

/**
 * The request headers as the app will see them. A client-sent x-tenant-slug (or nonce)
 * is always dropped: only the tenant this proxy resolved from the host is passed on.
 */
function appHeaders(request: NextRequest, slug: string | null, protection: Protection): Headers {
  const headers = new Headers(request.headers)
  headers.delete(TENANT_SLUG_HEADER)
  headers.delete(NONCE_HEADER)
  if (slug) headers.set(TENANT_SLUG_HEADER, slug)
  if (protection.nonce) {
    headers.set(NONCE_HEADER, protection.nonce)
    headers.set('content-security-policy', protection.policy)
  }
  return headers
}

function serve(request: NextRequest, headers: Headers, rewriteTo: string | null): NextResponse {
  if (!rewriteTo) return NextResponse.next({ request: { headers } })
  const url = request.nextUrl.clone()
  url.pathname = rewriteTo
  return NextResponse.rewrite(url, { request: { headers } })
}

function forward(decision: Exclude<RouteDecision, { kind: 'not_found' }>, request: NextRequest, protection: Protection): NextResponse {
  const slug = decision.kind === 'tenant' ? decision.slug : null
  return serve(request, appHeaders(request, slug, protection), decision.kind === 'tenant' ? decision.rewriteTo : null)
}

function notFound(decision: Extract<RouteDecision, { kind: 'not_found' }>, request: NextRequest, protection: Protection): NextResponse {
  if (decision.api) {
    return NextResponse.json({ error: { code: 'not_found', message: 'Nothing is served at this address.' } }, { status: 404 })
  }
  const url = request.nextUrl.clone()
  url.pathname = UNKNOWN_HOST_PATH
  url.search = ''
  return NextResponse.rewrite(url, { request: { headers: appHeaders(request, null, protection) } })
}

/** `%FF` and other percent-encodings that are not UTF-8 name nothing the app serves. */
function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

function undecodable(request: NextRequest, protection: Protection): NextResponse {
  const path = request.nextUrl.pathname
  if (path === '/api' || path.startsWith('/api/')) {
    return NextResponse.json(
      { error: { code: 'bad_request', message: 'The address is not valid percent-encoded UTF-8.' } },
      { status: 400 },
    )
  }
  return notFound({ kind: 'not_found', api: false }, request, protection)
}

/**
 * Host-based routing: `<slug>.<PLATFORM_DOMAIN>` and a tenant's own domain serve that
 * tenant's `/t/<slug>` pages; the platform host serves everything else; unknown hosts
 * and the console on a tenant host are 404s. In Supabase mode an expiring session is
 * refreshed here, before any page or route reads it. Every answer leaves with the
 * security headers.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { PLATFORM_DOMAIN: platformDomain, modes } = env()
  const protection = protectionFor(request)
  if (!decodablePath(request.nextUrl.pathname)) return protect(undecodable(request, protection), protection)
  const decision = await routeForHost(
    { host: forwardedHost(request.headers), pathname: request.nextUrl.pathname, platformDomain },
    (hostname) => resolveTenantByHost(hostname, platformDomain),
  )
  if (decision.kind === 'not_found') return protect(notFound(decision, request, protection), protection)
  const served = await embedProtection(decision, request, protection)
  if (modes.auth === 'supabase') {
    return protect(await refreshSupabaseSession(request, (current) => forward(decision, current, served)), served, request)
  }
  return protect(forward(decision, request, served), served, request)
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
