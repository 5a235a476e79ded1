import { AppError } from '@/lib/errors'
import { config } from '@/lib/env'
import { getDatabase, withUser, type Claims } from '@/lib/db'
import { readCallerFacts, type CallerFacts } from './caller-facts'
import { localClaims } from './local/session'
import { sessionSite } from './request-host'

export type { TenantRole } from './caller-facts'

/**
 * What the rest of the app knows about the caller. `claims` goes to
 * `withUser(db, session.claims, fn)`; nothing else reaches the database as identity.
 * `tenantRole` is the role in the tenant the lookup was asked about (null: none, or not a member).
 */
export type Session = {
  userId: string
  email: string
  sessionId: string
  claims: Claims
} & CallerFacts

export function authMode(): 'local' | 'supabase' {
  return config().modes.auth
}

async function lookUp(
  cookieHeader: string | null,
  site: string,
  tenantId: string | null,
): Promise<{ claims: Claims; facts: CallerFacts } | null> {
  if (authMode() === 'local') return localClaims(cookieHeader, site, tenantId)
  const claims = await (await import('./supabase/client')).supabaseClaims(cookieHeader)
  if (!claims?.sub) return null
  // Read under the user's own claims: RLS shows a user only their own platform-admin row.
  const facts = await withUser(await getDatabase(), claims, (tx) => readCallerFacts(tx, tenantId))
  return { claims, facts }
}

/**
 * For server components, which have headers but no Request. `fallbackHost` is the
 * request URL's host, for requests without a Host header. With `tenantId`, the same
 * lookup also reads the caller's role in that tenant.
 */
export async function getSessionFromHeaders(headers: Headers, fallbackHost = '', tenantId: string | null = null): Promise<Session | null> {
  const found = await lookUp(headers.get('cookie'), sessionSite(headers, fallbackHost), tenantId)
  if (!found?.claims.sub) return null
  const { claims, facts } = found
  return {
    userId: claims.sub ?? '',
    email: claims.email ?? '',
    sessionId: claims.session_id ?? '',
    claims,
    ...facts,
  }
}

export function getSession(request: Request, tenantId: string | null = null): Promise<Session | null> {
  return getSessionFromHeaders(request.headers, new URL(request.url).host, tenantId)
}

/** 401 without a live session. */
export async function requireSession(request: Request, tenantId: string | null = null): Promise<Session> {
  const session = await getSession(request, tenantId)
  if (!session) throw new AppError('unauthorized', 'Sign in to continue.')
  return session
}
