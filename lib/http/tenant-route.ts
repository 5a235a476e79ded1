import type { z } from 'zod'
import type { TenantRole } from '@/lib/auth'
import { AppError } from '@/lib/errors'
import type { Queryable } from '@/lib/db'
import {
  callerOf,
  findTargetTenant,
  hasRole,
  resolveCaller,
  twoFactorSetupRequired,
  type Caller,
  type FirstStep,
} from '@/lib/multi-tenant/access'
import { tenantInactive } from '@/lib/multi-tenant/oracle'
import type { TenantRoute } from '@/lib/multi-tenant/tenants'
import { parseJson, parseWith, route } from './route'

type Schema = z.ZodType | undefined
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined

/** Who may call: a member with at least this role (platform admins always), any signed-in person, or anyone. */
export type Access = TenantRole | 'signed-in' | 'anyone'

/**
 * The route's first unit of work, run inside the session lookup's own transaction (one
 * round trip fewer): `prepare` takes the parsed input before any transaction opens (CPU
 * work a transaction must not wait on), `run` acts as a signed-in caller who passed the
 * route's checks. The input is read before the caller is known, so a bad body is 400
 * even without a session: for routes open to anyone.
 */
export type FirstWork<B extends Schema, Q extends Schema, R, F> = {
  prepare: (input: { body: Parsed<B>; query: Parsed<Q> }) => R
  run: (caller: TenantCaller, tx: Queryable, prepared: R) => Promise<F>
}

export type TenantRouteOptions<B extends Schema, Q extends Schema, R = never, F = never> = {
  /** How the path names the tenant: `[slug]` on a tenant's site (default), `[id]` in the admin API. */
  by?: 'slug' | 'id'
  minRole: Access
  /** Refuse (403 tenant_inactive) when the tenant is suspended, cancelled or past its trial. */
  serving?: boolean
  body?: B
  query?: Q
  first?: FirstWork<B, Q, R, F>
}

export type TenantCaller = Caller & { tenant: TenantRoute }

export type TenantHandlerArgs<B extends Schema, Q extends Schema, P, R = never, F = never> = {
  caller: TenantCaller
  body: Parsed<B>
  query: Parsed<Q>
  params: P
  request: Request
  /** What `first.prepare` returned (undefined without `first`). */
  prepared: R | undefined
  /** What `first.run` returned; null when it did not run (no session). */
  first: F | null
}

type Context<P> = { params: Promise<P> }

export function noSuchTenant(): AppError {
  return new AppError('not_found', 'No such tenant.')
}

async function parseInputs<B extends Schema, Q extends Schema>(request: Request, options: { body?: B; query?: Q }) {
  const body = (options.body ? await parseJson(request, options.body) : undefined) as Parsed<B>
  const query = (options.query ? parseWith(options.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined) as Parsed<Q>
  return { body, query }
}

/**
 * A member below `minRole` is refused (403); anyone else who is not a member is told
 * the tenant does not exist (404): never confirm another tenant to an outsider. A member
 * of a tenant that requires two-factor sign-in without it is told to turn it on (403),
 * on every route of the tenant; so is a platform admin without it, when the platform
 * requires it and the route needs their powers.
 */
function assertRole(caller: Caller, minRole: Access): void {
  if (caller.twoFactorNeeded === 'tenant') throw twoFactorSetupRequired('tenant')
  if (minRole === 'anyone') return
  if (!caller.session) throw new AppError('unauthorized', 'Sign in to continue.')
  if (minRole === 'signed-in' || caller.isPlatformAdmin || hasRole(caller.role, minRole)) return
  if (caller.twoFactorNeeded === 'platform') throw twoFactorSetupRequired('platform')
  if (caller.role) throw new AppError('forbidden', "Only this tenant's admins and platform admins can do that.")
  throw noSuchTenant()
}

/**
 * A route about one tenant, in the style of next-saas-starter's validatedActionWithUser:
 * CSRF check and the one error shape (route), the tenant from the path, the caller (one
 * session lookup that also reads their role), the body and query parsed by their schemas,
 * then the handler. Checks run in the order clients have always seen: on a tenant's site
 * unknown tenant (404), not serving (403), no session (401), bad input (400), role; in the
 * admin API no session (401), bad input (400), then unknown tenant or role (404/403).
 */
export function tenantRoute<
  P extends { slug: string } | { id: string },
  B extends Schema = undefined,
  Q extends Schema = undefined,
  R = never,
  F = never,
>(
  options: TenantRouteOptions<B, Q, R, F>,
  handler: (args: TenantHandlerArgs<B, Q, P, R, F>) => Promise<Response>,
): (request: Request, context: Context<P>) => Promise<Response> {
  return route(async (request: Request, context: Context<P>) => {
    const params = await context.params
    const byId = options.by === 'id' && 'id' in params
    const tenant = await findTargetTenant(byId ? { tenantId: params.id } : { slug: 'slug' in params ? params.slug : '' })
    if (!byId && options.serving && tenant && !tenant.serving) throw tenantInactive(tenant.status)
    const allowed = (caller: Caller, found: TenantRoute): TenantCaller => {
      if (options.minRole !== 'anyone' && !caller.session) throw new AppError('unauthorized', 'Sign in to continue.')
      assertRole(caller, options.minRole)
      if (byId && options.serving && !found.serving) throw tenantInactive(found.status)
      return { ...caller, tenant: found }
    }
    const work = options.first
    const early = work ? await parseInputs(request, options) : undefined
    const prepared = early && work ? work.prepare(early) : undefined
    const first: FirstStep<F> | undefined =
      work && tenant && prepared !== undefined ? (caller, tx) => work.run(allowed(caller, tenant), tx, prepared) : undefined
    const resolved = await callerOf(request, tenant, first)
    const { caller } = resolved
    if (options.minRole !== 'anyone' && !caller.session) throw new AppError('unauthorized', 'Sign in to continue.')
    const inputs = early ?? (await parseInputs(request, options))
    if (!tenant) throw noSuchTenant()
    return handler({ caller: allowed(caller, tenant), ...inputs, params, request, prepared, first: resolved.first })
  })
}

export type PlatformHandlerArgs<B extends Schema, Q extends Schema, P> = {
  caller: Caller
  body: Parsed<B>
  query: Parsed<Q>
  params: P
  request: Request
}

/** A signed-in route not about one tenant (the console's lists, tenant creation, the platform audit log). */
export function platformRoute<P = Record<string, string>, B extends Schema = undefined, Q extends Schema = undefined>(
  options: { body?: B; query?: Q },
  handler: (args: PlatformHandlerArgs<B, Q, P>) => Promise<Response>,
): (request: Request, context: Context<P>) => Promise<Response> {
  return route(async (request: Request, context: Context<P>) => {
    const params = context?.params ? await context.params : ({} as P)
    const caller = await resolveCaller(request, {})
    if (!caller.session) throw new AppError('unauthorized', 'Sign in to continue.')
    if (caller.twoFactorNeeded === 'platform') throw twoFactorSetupRequired('platform')
    const inputs = await parseInputs(request, options)
    return handler({ caller, ...inputs, params, request })
  })
}
