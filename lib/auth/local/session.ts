import { getDatabase } from '@/lib/db'
import { readCookie, SESSION_COOKIE } from '@/lib/auth/cookies'
import { sessionOf, type AsSessionUser, type FoundSession, type Session } from '@/lib/auth/session-of'
import { localSessionClaims } from './session-claims'
import { findSession, type StoredSession } from './session-store'

function toSession(stored: StoredSession): Session {
  const { isPlatformAdmin, tenantRole, twoFactorNeeded } = stored
  return sessionOf(localSessionClaims(stored), { isPlatformAdmin, tenantRole, twoFactorNeeded })
}

/** The local session named by the request's cookie on this site, with the caller's facts; or null. */
export async function localSession<T>(
  cookieHeader: string | null,
  site: string,
  tenantId: string | null,
  then?: AsSessionUser<T>,
): Promise<FoundSession<T> | null> {
  const token = readCookie(cookieHeader, SESSION_COOKIE)
  if (!token) return null
  const found = await findSession(await getDatabase(), token, site, tenantId, then && ((stored, tx) => then(toSession(stored), tx)))
  return found ? { session: toSession(found.stored), then: found.then } : null
}
