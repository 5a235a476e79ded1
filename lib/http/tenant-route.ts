import type { z } from 'zod'
import type { TenantRole } from '@/lib/auth'
import { AppError } from '@/lib/errors'
import { hasRole, resolveCaller, type Caller } from '@/lib/multi-tenant/access'
import { tenantInactive } from '@/lib/multi-tenant/oracle'
import type { TenantRoute } from '@/lib/multi-tenant/tenants'
import { parseJson, parseWith, route } from './route'

type Schema = z.ZodType | undefined
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined

/** Who may call: a member with at least this role (platform admins always), any signed-in person, or anyone. */
export type Access = TenantRole | 'signed-in' | 'anyone'

export type TenantRouteOptions<B extends Schema, Q extends Schema> = {
  /** How the path names the tenant: `[slug]` on a tenant's site (default), `[id]` in the admin API. */
  by?: 'slug' | 'id'
  minRole: Access
  /** Refuse (403 tenant_inactive) when the tenant is suspended, cancelled or past its trial. */
  serving?: boolean
  body?: B
  query?: Q
}

export type TenantCaller = Caller & { tenant: TenantRoute }

export type TenantHandlerArgs<B extends Schema, Q extends Schema, P> = {
  caller: TenantCaller
  body: Parsed<B>
  query: Parsed<Q>
  params: P
  request: Request
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
 * the tenant does not exist (404): never confirm another tenant to an outsider.
 */
function assertRole(caller: Caller, minRole: Access): void {
  if (minRole === 'anyone') return
  if (!caller.session) throw new AppError('unauthorized', 'Sign in to continue.')
  if (minRole === 'signed-in' || caller.isPlatformAdmin || hasRole(caller.role, minRole)) return
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
export function tenantRoute<P extends { slug: string } | { id: string }, B extends Schema = undefined, Q extends Schema = undefined>(
  options: TenantRouteOptions<B, Q>,
  handler: (args: TenantHandlerArgs<B, Q, P>) => Promise<Response>,
): (request: Request, context: Context<P>) => Promise<Response> {
  return route(async (request: Request, context: Context<P>) => {
    const params = await context.params
    const byId = options.by === 'id' && 'id' in params
    const caller = await resolveCaller(request, byId ? { tenantId: params.id } : { slug: 'slug' in params ? params.slug : '' })
    const { tenant } = caller
    if (!byId && options.serving && tenant && !tenant.serving) throw tenantInactive(tenant.status)
    if (options.minRole !== 'anyone' && !caller.session) throw new AppError('unauthorized', 'Sign in to continue.')
    const inputs = await parseInputs(request, options)
    if (!tenant) throw noSuchTenant()
    assertRole(caller, options.minRole)
    if (byId && options.serving && !tenant.serving) throw tenantInactive(tenant.status)
    return handler({ caller: { ...caller, tenant }, ...inputs, params, request })
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
    const inputs = await parseInputs(request, options)
    return handler({ caller, ...inputs, params, request })
  })
}
