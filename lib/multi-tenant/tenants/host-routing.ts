import { isIP } from 'node:net'

/** The internal request header carrying the tenant the proxy resolved from the host. */
export const TENANT_SLUG_HEADER = 'x-tenant-slug'

/** Where a request that matches no site is sent: `_` folders are private in the App Router, so no page can claim it. */
export const UNKNOWN_HOST_PATH = '/_unknown-host'

export type RoutingInput = {
  /** The Host header as received (may carry a port or be missing). */
  host: string | null
  pathname: string
  platformDomain: string
}

/** Finds the tenant serving a host name (`<slug>.<platform>` or a custom domain). */
export type HostLookup = (hostname: string) => Promise<{ slug: string } | null>

export type RouteDecision =
  /** The platform's own host: landing, console, `/t/<slug>` pages, the API. */
  | { kind: 'platform' }
  /** A tenant's host: `rewriteTo` is the internal path to serve, or null to serve the path as is. */
  | { kind: 'tenant'; slug: string; rewriteTo: string | null }
  /** Nothing is served here: an unknown host, or a path a tenant host does not expose. */
  | { kind: 'not_found'; api: boolean }

/** Lowercase host name without port or trailing dot; IPv6 literals keep their brackets. */
export function normaliseHost(host: string | null): string {
  const value = (host ?? '').trim().toLowerCase()
  const bracketed = /^(\[[^\]]*\])(?::\d+)?$/.exec(value)
  if (bracketed?.[1]) return bracketed[1]
  return value.replace(/:\d+$/, '').replace(/\.$/, '')
}

function isPlatformHost(hostname: string, platformDomain: string): boolean {
  const platform = normaliseHost(platformDomain)
  if (hostname === '' || hostname === platform || hostname === `www.${platform}`) return true
  // Loopback and bare IP addresses reach the platform: health checks and local development.
  return hostname === 'localhost' || isIP(hostname.replace(/^\[|\]$/g, '')) !== 0
}

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/')
const isConsole = (pathname: string) => pathname === '/admin' || pathname.startsWith('/admin/')
// Framework internals and files from public/ are shared by every host.
const staticFile = /\/[^/]+\.(ico|png|jpe?g|gif|svg|webp|avif|txt|xml|json|webmanifest|css|js|map|woff2?)$/i
const isAsset = (pathname: string) => pathname.startsWith('/_next/') || staticFile.test(pathname)

function tenantPath(slug: string, pathname: string): RouteDecision {
  if (isConsole(pathname)) return { kind: 'not_found', api: false }
  if (isApi(pathname) || isAsset(pathname)) return { kind: 'tenant', slug, rewriteTo: null }
  // The widget's page has a layout of its own, outside the site's (lib/multi-tenant/widget/paths.ts).
  if (pathname === '/embed') return { kind: 'tenant', slug, rewriteTo: `/embed/${slug}` }
  if (pathname.startsWith('/embed/')) return { kind: 'not_found', api: false }
  const own = `/t/${slug}`
  if (pathname === own || pathname.startsWith(`${own}/`)) return { kind: 'tenant', slug, rewriteTo: null }
  // One tenant's host never serves another tenant's pages.
  if (pathname === '/t' || pathname.startsWith('/t/')) return { kind: 'not_found', api: false }
  return { kind: 'tenant', slug, rewriteTo: pathname === '/' ? own : `${own}${pathname}` }
}

/**
 * Decides how a request is served from its host alone. The platform host is answered
 * without a lookup; any other host must belong to a tenant or is not found.
 */
export async function routeForHost(input: RoutingInput, lookup: HostLookup): Promise<RouteDecision> {
  const hostname = normaliseHost(input.host)
  if (isPlatformHost(hostname, input.platformDomain)) return { kind: 'platform' }
  const tenant = await lookup(hostname)
  if (!tenant) return { kind: 'not_found', api: isApi(input.pathname) }
  return tenantPath(tenant.slug, input.pathname)
}
