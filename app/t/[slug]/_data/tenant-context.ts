import { headers } from 'next/headers'
import { cache } from 'react'
import { getSessionFromHeaders, type Session, type TenantRole } from '@/lib/auth'
import { isAppError } from '@/lib/errors'
import { callerFromSession, visitorScope, type Caller } from '@/lib/multi-tenant/access'
import { brandingOf, loadOracleProfile, type Branding, type OracleProfile } from '@/lib/multi-tenant/oracle'
import { TENANT_SLUG_HEADER } from '@/lib/multi-tenant/tenants'
import { resolveTenantBySlug, type TenantRoute } from '@/lib/multi-tenant/tenants'
import { getTenant } from '@/lib/multi-tenant/tenants'
import type { Tenant } from '@/lib/contracts/tenants'

export type TenantContext = {
  tenant: TenantRoute
  session: Session | null
  /** '' on the tenant's own host (the proxy rewrites `/x` to `/t/<slug>/x`), `/t/<slug>` on the platform host. */
  basePath: string
  /** The full tenant record, readable by its admins and platform admins only. */
  adminView: Tenant | null
  /** The signed-in user's role in this tenant; null for visitors and non-members. */
  role: TenantRole | null
  branding: Branding
}

/**
 * The tenant's voice as the caller may read it under RLS: members through their claims,
 * anyone else as a visitor when the tenant is public. Otherwise (or when paused) null.
 */
async function loadVoice(caller: Caller & { tenant: TenantRoute }): Promise<OracleProfile | null> {
  const { tenant } = caller
  const read = (tx: Parameters<typeof loadOracleProfile>[0]) => loadOracleProfile(tx, tenant.id)
  const hidden = (error: unknown) => {
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'tenant_inactive')) return null
    throw error
  }
  const asMember = caller.session ? await caller.run(read).catch(hidden) : null
  if (asMember || !tenant.publicAccess) return asMember
  return visitorScope(tenant)(read).catch(hidden)
}

// The proxy names the tenant it resolved from the host (and drops any client-sent value).
function basePathFor(tenant: TenantRoute, hostTenantSlug: string | null): string {
  return hostTenantSlug === tenant.slug ? '' : `/t/${tenant.slug}`
}

/** Members who are not admins (and outsiders) get the member's view: no query for them. */
async function loadAdminView(caller: Caller & { tenant: TenantRoute }): Promise<Tenant | null> {
  if (!caller.isPlatformAdmin && caller.role !== 'admin') return null
  try {
    return await getTenant(caller, caller.tenant.id)
  } catch (error) {
    if (isAppError(error) && (error.code === 'forbidden' || error.code === 'not_found')) return null
    throw error
  }
}

/** Everything a tenant page needs to know about where it is and who is asking; once per request. */
export const loadTenantContext = cache(async (slug: string): Promise<TenantContext | null> => {
  const tenant = await resolveTenantBySlug(slug)
  if (!tenant) return null
  const requestHeaders = await headers()
  // One session lookup answers who is asking and their role in this tenant.
  const session = await getSessionFromHeaders(requestHeaders, '', tenant.id)
  const caller = { ...callerFromSession(session, tenant), tenant }
  const basePath = basePathFor(tenant, requestHeaders.get(TENANT_SLUG_HEADER))
  const [adminView, voice] = await Promise.all([loadAdminView(caller), loadVoice(caller)])
  return { tenant, session, basePath, adminView, role: caller.role, branding: brandingOf(tenant, voice ?? adminView) }
})

export function tenantHref(context: Pick<TenantContext, 'basePath'>, path = '/'): string {
  const joined = `${context.basePath}${path === '/' ? '' : path}`
  return joined || '/'
}
