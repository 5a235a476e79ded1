import { findRequestSession, type Session, type TenantRole } from '@/lib/auth'
import { roleReaches } from '@/lib/auth/roles'
import { getDatabase, withAnon, withUser, type Claims, type Database, type Queryable } from '@/lib/db'
import { clientIp } from '@/lib/http/forwarded'
import { visitorIdOf } from '@/lib/http/visitor-cookie'
import { AppError } from '@/lib/errors'
import { resolveTenantById, resolveTenantBySlug, type TenantRoute } from '@/lib/multi-tenant/tenants'

/** Runs one unit of work in its own transaction, under the caller's identity (RLS applies). */
export type TransactionScope = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>

/**
 * Who is asking, decided once per request: the tenant the request is about (null on
 * platform routes), the session (null for visitors), the role in that tenant and the
 * platform-admin flag (both read by app_private.caller_role with the session lookup),
 * the client address for the audit trail, and `run`, which opens a transaction as
 * this caller: `authenticated` with the session's claims, or `anon` visiting `tenant`.
 */
export type Caller = {
  tenant: TenantRoute | null
  session: Session | null
  role: TenantRole | null
  isPlatformAdmin: boolean
  /** Let in only with two-factor sign-in, which the caller has not turned on (see CallerFacts). */
  twoFactorNeeded: 'tenant' | 'platform' | null
  ip: string | null
  /** The browser's random visitor id (lib/http/visitor-cookie.ts): keys visitors' rate limits when `ip` is unknown. */
  visitor: string | null
  run: TransactionScope
}

/** What a service needs of its caller: a transaction as them, who they are, their address for the audit trail. */
export type Acting = Pick<Caller, 'run' | 'ip'> & { session: Pick<Session, 'userId'> | null }

/** Acting as the user of `claims` outside a request: the CLI's demo seed, and tests of the services. */
export function actingAs(db: Database, claims: Claims, ip: string | null = null): Acting {
  return { run: (fn) => withUser(db, claims, fn), ip, session: claims.sub ? { userId: claims.sub } : null }
}

/**
 * The tenant the request is about: `{ slug }` on a tenant's site (unknown: 404),
 * `{ tenantId }` in the admin API (unknown: tenant null, for the route to refuse after
 * checking the body, as it always has), `{}` on platform routes.
 */
export type CallerTarget = { slug: string } | { tenantId: string } | Record<string, never>

export async function findTargetTenant(target: CallerTarget): Promise<TenantRoute | null> {
  if ('slug' in target) {
    const tenant = await resolveTenantBySlug(target.slug)
    if (!tenant) throw new AppError('not_found', 'No such tenant.')
    return tenant
  }
  if ('tenantId' in target) return resolveTenantById(target.tenantId)
  return null
}

function scopeOf(session: Session | null, tenant: TenantRoute | null): TransactionScope {
  if (session) return async (fn) => withUser(await getDatabase(), session.claims, fn)
  const claims = tenant ? { tenant_id: tenant.id } : {}
  return async (fn) => withAnon(await getDatabase(), claims, fn)
}

/** A visitor's transaction for `tenant` (no history, RLS as `anon`), whoever is signed in. */
export function visitorScope(tenant: TenantRoute): TransactionScope {
  return scopeOf(null, tenant)
}

/** The caller of `request`: one session lookup, which also reads their role in the tenant and the platform-admin flag. */
export async function resolveCaller(request: Request, target: CallerTarget): Promise<Caller> {
  return (await callerOf(request, await findTargetTenant(target))).caller
}

/** A request's first unit of work, run as its signed-in caller inside the session lookup's transaction. */
export type FirstStep<T> = (caller: Caller, tx: Queryable) => Promise<T>

/**
 * The caller of `request` about `tenant` (found by findTargetTenant), and `first` run as
 * them in the transaction that looked their session up, so that work costs no
 * transaction of its own. Without a session there is no such transaction: `first` does
 * not run and comes back null.
 */
export async function callerOf<T>(
  request: Request,
  tenant: TenantRoute | null,
  first?: FirstStep<T>,
): Promise<{ caller: Caller; first: T | null }> {
  const ip = clientIp(request)
  const visitor = visitorIdOf(request.headers)
  const then = first && ((session: Session, tx: Queryable) => first(callerFromSession(session, tenant, ip, visitor), tx))
  const found = await findRequestSession(request, tenant?.id ?? null, then)
  return { caller: callerFromSession(found?.session ?? null, tenant, ip, visitor), first: found?.then ?? null }
}

/** A caller for work that names its identity directly (pages without a Request, the CLI, tests). */
export function callerFromSession(
  session: Session | null,
  tenant: TenantRoute | null,
  ip: string | null = null,
  visitor: string | null = null,
): Caller {
  return {
    tenant,
    session,
    role: session?.tenantRole ?? null,
    isPlatformAdmin: session?.isPlatformAdmin ?? false,
    twoFactorNeeded: session?.twoFactorNeeded ?? null,
    ip,
    visitor,
    run: scopeOf(session, tenant),
  }
}

/** 403 `two_factor_setup_required`, saying who requires it and where to turn it on. */
export function twoFactorSetupRequired(needed: 'tenant' | 'platform'): AppError {
  const who =
    needed === 'tenant' ? 'This organisation requires two-factor sign-in of its members' : 'Platform admins must use two-factor sign-in'
  return new AppError('two_factor_setup_required', `${who}. Turn it on on your account page, then try again.`)
}

export function hasRole(role: TenantRole | null, minRole: TenantRole): boolean {
  return roleReaches(role, minRole)
}
