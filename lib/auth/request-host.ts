import { isIP } from 'node:net'
import { config } from '@/lib/env'
import { normaliseHost } from '@/lib/multi-tenant/tenants/host-routing'
import { forwardedHost } from '@/lib/http/forwarded'
import { isHttps } from './cookies'

/** The public host (with port) a request was sent to; behind a trusted proxy, X-Forwarded-Host. */
export function requestHost(headers: Headers, fallback = ''): string {
  return (forwardedHost(headers) || fallback).toLowerCase()
}

/** The site a session belongs to: the host name without port. */
export function sessionSite(headers: Headers, fallback = ''): string {
  return normaliseHost(requestHost(headers, fallback))
}

const isLoopback = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'

/**
 * The origin that links in mail point at. The proxy serves only known hosts, but it
 * also answers on any IP address; a Host header naming someone else's IP would put
 * that address into a verification link (host-header poisoning), so IP hosts other
 * than loopback fall back to PLATFORM_DOMAIN.
 */
export function publicOrigin(request: Request): string {
  const url = new URL(request.url)
  const host = requestHost(request.headers, url.host)
  const hostname = normaliseHost(host)
  const scheme = isHttps(request) ? 'https' : 'http'
  if (isIP(hostname.replace(/^\[|\]$/g, '')) !== 0 && !isLoopback(hostname)) {
    const port = /:(\d+)$/.exec(host)?.[1]
    return `${scheme}://${config().PLATFORM_DOMAIN}${port ? `:${port}` : ''}`
  }
  return `${scheme}://${host}`
}
