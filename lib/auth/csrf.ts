import { AppError } from '@/lib/errors'
import { config } from '@/lib/env'
import { isSupabaseAuthCookie, readCookie, SESSION_COOKIE } from './cookies'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function carriesSessionCookie(request: Request): boolean {
  const header = request.headers.get('cookie')
  if (!header) return false
  if (readCookie(header, SESSION_COOKIE)) return true
  return header.split(';').some((part) => isSupabaseAuthCookie(part.split('=')[0]?.trim() ?? ''))
}

// Behind a trusted proxy the public host arrives in X-Forwarded-Host.
function requestHost(request: Request): string {
  const forwarded = config().TRUST_PROXY ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  return (forwarded || request.headers.get('host') || new URL(request.url).host).toLowerCase()
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return null
  }
}

/**
 * A state-changing request that a session cookie authenticates must come from our own
 * pages: its Origin names this host, or (no Origin) the browser says Sec-Fetch-Site
 * same-origin. SameSite=Lax already stops most cross-site posts; this closes the rest
 * (sibling subdomains are "same-site" but not same-origin).
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return
  if (!carriesSessionCookie(request)) return
  const origin = request.headers.get('origin')
  const allowed = origin
    ? originHost(origin) === requestHost(request)
    : request.headers.get('sec-fetch-site') === 'same-origin'
  if (!allowed) {
    throw new AppError('csrf', 'This request did not come from this site, so it was refused.')
  }
}
