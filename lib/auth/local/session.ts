import { getDatabase, type Claims } from '@/lib/db'
import { readCookie, SESSION_COOKIE } from '@/lib/auth/cookies'
import { findSession } from './session-store'

/** The claims of the local session named by the request's cookie on this site, or null. */
export async function localClaims(cookieHeader: string | null, site: string): Promise<Claims | null> {
  const token = readCookie(cookieHeader, SESSION_COOKIE)
  if (!token) return null
  const stored = await findSession(await getDatabase(), token, site)
  if (!stored) return null
  return { sub: stored.userId, email: stored.email, role: 'authenticated', session_id: stored.sessionId }
}
