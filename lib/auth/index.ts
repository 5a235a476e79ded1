import { AppError } from '@/lib/errors'
import { config } from '@/lib/env'
import { getDatabase, withUser } from '@/lib/db'
import { readCallerFacts } from './caller-facts'
import { localSession } from './local/session'
import { sessionSite } from './request-host'
import { sessionOf, type AsSessionUser, type FoundSession, type Session } from './session-of'

export type { TenantRole } from './caller-facts'
export type { AsSessionUser, Session } from './session-of'

export function authMode(): 'local' | 'supabase' {
  return config().modes.auth
}

async function lookUp<T>(
  cookieHeader: string | null,
  site: string,
  tenantId: string | null,
  then?: AsSessionUser<T>,
): Promise<FoundSession<T> | null> {
  if (authMode() === 'local') return localSession(cookieHeader, site, tenantId, then)
  const claims = await (await import('./supabase/client')).supabaseClaims(cookieHeader)
  if (!claims?.sub) return null
  // A Supabase session answers only on the site that started it (supabase/site-binding.ts).
  if (!(await import('./supabase/site-binding')).provesSite(cookieHeader, claims.session_id ?? '', site)) return null
  // Read under the user's own claims: RLS shows a user only their own platform-admin row.
  return withUser(await getDatabase(), claims, async (tx) => {
    const session = sessionOf(claims, await readCallerFacts(tx, tenantId))
    return { session, then: then ? await then(session, tx) : undefined }
  })
}

/**
 * For server components, which have headers but no Request. `fallbackHost` is the
 * request URL's host, for requests without a Host header. With `tenantId`, the same
 * lookup also reads the caller's role in that tenant.
 */
export async function getSessionFromHeaders(headers: Headers, fallbackHost = '', tenantId: string | null = null): Promise<Session | null> {
  const found = await lookUp(headers.get('cookie'), sessionSite(headers, fallbackHost), tenantId)
  return found?.session ?? null
}

export async function getSession(request: Request, tenantId: string | null = null): Promise<Session | null> {
  return (await findRequestSession(request, tenantId))?.session ?? null
}

/**
 * The session of `request` and, when there is one, `then` run as its user in the same
 * transaction as the lookup: a request's first unit of work costs no transaction of its own.
 */
export function findRequestSession<T>(request: Request, tenantId: string | null, then?: AsSessionUser<T>): Promise<FoundSession<T> | null> {
  return lookUp(request.headers.get('cookie'), sessionSite(request.headers, new URL(request.url).host), tenantId, then)
}

/** 401 without a live session. */
export async function requireSession(request: Request, tenantId: string | null = null): Promise<Session> {
  const session = await getSession(request, tenantId)
  if (!session) throw new AppError('unauthorized', 'Sign in to continue.')
  return session
}
