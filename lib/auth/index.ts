import { AppError } from '@/lib/errors'
import { config } from '@/lib/env'
import { getDatabase, withUser, type Claims } from '@/lib/db'
import { localClaims } from './local/session'
import { sessionSite } from './request-host'

/**
 * What the rest of the app knows about the caller. `claims` goes to
 * `withUser(db, session.claims, fn)`; nothing else reaches the database as identity.
 */
export type Session = {
  userId: string
  email: string
  sessionId: string
  claims: Claims
  isPlatformAdmin: boolean
}

export function authMode(): 'local' | 'supabase' {
  return config().modes.auth
}

/**
 * For server components, which have headers but no Request. `fallbackHost` is the
 * request URL's host, for requests without a Host header.
 */
export async function getSessionFromHeaders(headers: Headers, fallbackHost = ''): Promise<Session | null> {
  const cookieHeader = headers.get('cookie')
  const claims =
    authMode() === 'supabase'
      ? await (await import('./supabase/client')).supabaseClaims(cookieHeader)
      : await localClaims(cookieHeader, sessionSite(headers, fallbackHost))
  if (!claims?.sub) return null
  const db = await getDatabase()
  // Read under the user's own claims: RLS shows a user only their own platform-admin row.
  const isPlatformAdmin = await withUser(db, claims, async (tx) => {
    const rows = await tx.query<{ admin: boolean }>('select app_private.is_platform_admin() as admin')
    return rows[0]?.admin === true
  })
  return {
    userId: claims.sub,
    email: claims.email ?? '',
    sessionId: claims.session_id ?? '',
    claims,
    isPlatformAdmin,
  }
}

export function getSession(request: Request): Promise<Session | null> {
  return getSessionFromHeaders(request.headers, new URL(request.url).host)
}

/** 401 without a live session. */
export async function requireSession(request: Request): Promise<Session> {
  const session = await getSession(request)
  if (!session) throw new AppError('unauthorized', 'Sign in to continue.')
  return session
}
