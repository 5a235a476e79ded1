import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { readCookie } from '@/lib/auth/cookies'
import { keyRing, type KeyRing } from '@/lib/secrets'

/*
 * Supabase Auth's session cookie names no site: a cookie taken from a tenant's custom
 * domain would be a session on the platform host too. The server therefore sets a
 * second cookie beside it when a session starts: an HMAC of the session's id and the
 * site (host name) that started it, under a key derived from the secrets key ring. A
 * session is a session only with the proof of the site it is used on; the proof cannot
 * be made for another site without the key. Supabase keeps a session's id across
 * refreshes, so the proof lasts as long as the session.
 */

export const SITE_COOKIE = 'oracle_site'
// As long as @supabase/ssr keeps its own cookies (400 days); the session's end is Supabase's.
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60
const PROOF_PATTERN = /^([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{43})$/

const bindingKey = (key: Buffer) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'supabase-session-site', 32))

function mac(key: Buffer, sessionId: string, site: string): Buffer {
  return createHmac('sha256', bindingKey(key)).update(`${sessionId}\u001f${site}`, 'utf8').digest()
}

/** The proof that session `sessionId` was started on `site`. */
export function siteProof(sessionId: string, site: string, ring: Pick<KeyRing, 'current'> = keyRing()): string {
  return `${ring.current.id}.${mac(ring.current.key, sessionId, site).toString('base64url')}`
}

/** Whether the request's proof cookie binds session `sessionId` to `site` (under any key the ring still opens with). */
export function provesSite(cookieHeader: string | null, sessionId: string, site: string, ring: KeyRing = keyRing()): boolean {
  const match = PROOF_PATTERN.exec(readCookie(cookieHeader, SITE_COOKIE) ?? '')
  const key = match ? ring.byId.get(match[1] ?? '') : undefined
  if (!match || !key || !sessionId) return false
  const given = Buffer.from(match[2] ?? '', 'base64url')
  const expected = mac(key, sessionId, site)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export function siteCookie(sessionId: string, site: string, secure: boolean): string {
  return [
    `${SITE_COOKIE}=${siteProof(sessionId, site)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${MAX_AGE_SECONDS}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ')
}

export function clearedSiteCookie(secure: boolean): string {
  return [`${SITE_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(secure ? ['Secure'] : [])].join('; ')
}
