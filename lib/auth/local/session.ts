import { getDatabase, type Claims } from '@/lib/db'
import { readCookie, SESSION_COOKIE } from '@/lib/auth/cookies'
import type { CallerFacts } from '@/lib/auth/caller-facts'
import { findSession } from './session-store'

/** The claims of the local session named by the request's cookie on this site, and the caller's facts; or null. */
export async function localClaims(
  cookieHeader: string | null,
  site: string,
  tenantId: string | null,
): Promise<{ claims: Claims; facts: CallerFacts } | null> {
  const token = readCookie(cookieHeader, SESSION_COOKIE)
  if (!token) return null
  const stored = await findSession(await getDatabase(), token, site, tenantId)
  if (!stored) return null
  return {
    claims: { sub: stored.userId, email: stored.email, role: 'authenticated', session_id: stored.sessionId },
    facts: { isPlatformAdmin: stored.isPlatformAdmin, tenantRole: stored.tenantRole },
  }
}
