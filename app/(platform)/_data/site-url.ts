import { headers } from 'next/headers'
import { config } from '@/lib/env'
import { platformOrigin, portOfHost, tenantSiteOrigin, type Reached } from '@/lib/multi-tenant/tenants'

/** How the browser that asked reached this server: same scheme and port for every address shown to it. */
async function reached(): Promise<Reached> {
  const requestHeaders = await headers()
  return {
    https: requestHeaders.get('x-forwarded-proto') === 'https',
    port: portOfHost(requestHeaders.get('host')),
    platformDomain: config().PLATFORM_DOMAIN,
  }
}

/** The address of a tenant's own site on `<slug>.<PLATFORM_DOMAIN>`, as seen from the browser that asked. */
export async function tenantSiteUrl(slug: string): Promise<string> {
  return tenantSiteOrigin({ slug, domain: null }, await reached())
}

/** The platform's address (where widget.js is served), as seen from the browser that asked. */
export async function platformSiteUrl(): Promise<string> {
  return platformOrigin(await reached())
}
