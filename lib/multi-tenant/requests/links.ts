import { isHttps } from '@/lib/auth/cookies'
import { config } from '@/lib/env'
import { forwardedHost } from '@/lib/http/forwarded'
import { portOfHost, tenantSiteOrigin, type Reached } from '@/lib/multi-tenant/tenants'

/** How the decider's browser reached this server: the mail's links use the same scheme and port. */
export function reachedBy(request: Request): Reached {
  return {
    https: isHttps(request),
    port: portOfHost(forwardedHost(request.headers) || new URL(request.url).host),
    platformDomain: config().PLATFORM_DOMAIN,
  }
}

/** An address on the tenant's own site (its domain, or `<slug>.<PLATFORM_DOMAIN>`). */
export function tenantSiteUrl(tenant: { slug: string; domain: string | null }, reached: Reached, path = '/'): string {
  return `${tenantSiteOrigin(tenant, reached)}${path}`
}
