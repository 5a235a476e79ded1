import { headers } from 'next/headers'
import { config } from '@/lib/env'

/**
 * The address of a tenant's own site, as seen from the browser that asked: same scheme
 * and port as the console, on `<slug>.<PLATFORM_DOMAIN>`.
 */
export async function tenantSiteUrl(slug: string): Promise<string> {
  const requestHeaders = await headers()
  const host = requestHeaders.get('host') ?? ''
  const port = /:(\d+)$/.exec(host)?.[1]
  const proto = requestHeaders.get('x-forwarded-proto') === 'https' ? 'https' : 'http'
  return `${proto}://${slug}.${config().PLATFORM_DOMAIN}${port ? `:${port}` : ''}`
}
