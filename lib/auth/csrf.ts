import { AppError } from '@/lib/errors'
import { isSupabaseAuthCookie, readCookie, SESSION_COOKIE } from './cookies'
import { requestHost } from './request-host'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function carriesSessionCookie(request: Request): boolean {
  const header = request.headers.get('cookie')
  if (!header) return false
  if (readCookie(header, SESSION_COOKIE)) return true
  return header.split(';').some((part) => isSupabaseAuthCookie(part.split('=')[0]?.trim() ?? ''))
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return null
  }
}

function fromThisSite(request: Request): boolean {
  const origin = request.headers.get('origin')
  return origin
    ? originHost(origin) === requestHost(request.headers, new URL(request.url).host)
    : request.headers.get('sec-fetch-site') === 'same-origin'
}

const refused = () => new AppError('csrf', 'This request did not come from this site, so it was refused.')

/**
 * A state-changing request that a session cookie authenticates must come from our own
 * pages: its Origin names this host, or (no Origin) the browser says Sec-Fetch-Site
 * same-origin. SameSite=Lax already stops most cross-site posts; this closes the rest
 * (sibling subdomains are "same-site" but not same-origin).
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return
  if (!carriesSessionCookie(request)) return
  if (!fromThisSite(request)) throw refused()
}

/**
 * Sign-in and sign-up carry no session yet, so the check above would not apply; yet a
 * cross-site form post (text/plain needs no preflight) could sign a browser into the
 * attacker's account. These routes always require our own Origin.
 */
export function assertSameOriginAlways(request: Request): void {
  if (!fromThisSite(request)) throw refused()
}
