import { LRUCache } from 'lru-cache'
import { getDatabase, withService } from '@/lib/db'
import { isSlugShape, isUuid } from '@/lib/contracts/ids'
import { elementSchema, type Element } from '@/lib/engine/elements'
import type { PrivacyLevel, TenantStatus } from '@/lib/contracts/tenants'

/** Routing fields only: enough to find a tenant, and whether it is serving (app_private.tenant_serving decides). */
export type TenantRoute = {
  id: string
  slug: string
  name: string
  domain: string | null
  status: TenantStatus
  /** Who may use the assistant (PRIVACY_LEVELS); `publicAccess` is its `public` level. */
  privacyLevel: PrivacyLevel
  publicAccess: boolean
  trialEndsAt: Date | null
  serving: boolean
  /** The tenant's colour (its primary element): with its name, what its site shows to anyone, signed in or not. */
  element: Element
}

type RouteRow = {
  id: string
  slug: string
  name: string
  domain: string | null
  status: TenantStatus
  privacy_level: PrivacyLevel
  public_access: boolean
  trial_ends_at: Date | string | null
  serving: boolean
  element: string | null
}

type Cached = { route: TenantRoute | null }

// Bounded: any Host header is a lookup key, and unknown hosts are cached too (as null),
// so a flood of invented hosts must evict old entries instead of growing the process.
// On globalThis: proxy.ts and the route handlers are separate bundles in the built app,
// and an invalidation from an API route must reach the proxy's lookups too.
const holder = globalThis as unknown as { __tenantRouteCache?: LRUCache<string, Cached> }
const cache = (holder.__tenantRouteCache ??= new LRUCache<string, Cached>({ max: 5_000, ttl: 30_000 }))

function toRoute(row: RouteRow): TenantRoute {
  const trialEndsAt = row.trial_ends_at === null ? null : new Date(row.trial_ends_at)
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    domain: row.domain,
    status: row.status,
    privacyLevel: row.privacy_level,
    publicAccess: row.public_access,
    trialEndsAt,
    serving: row.serving === true,
    element: elementSchema.catch('aether').parse(row.element),
  }
}

// Host resolution happens before anyone is known, so it is a system task: it reads the
// routing columns of one tenant and its colour, nothing else.
async function lookup(column: 'slug' | 'domain' | 'id', value: string): Promise<TenantRoute | null> {
  const key = `${column}:${value}`
  const hit = cache.get(key)
  if (hit) return hit.route
  const db = await getDatabase()
  const rows = await withService(db, (tx) =>
    tx.query<RouteRow>(
      `select id, slug, name, domain, status, privacy_level, public_access, trial_ends_at,
              app_private.tenant_serving(status, trial_ends_at) as serving,
              elemental_signature ->> 'primary' as element
         from public.tenants where ${column} = $1`,
      [value],
    ),
  )
  const route = rows[0] ? toRoute(rows[0]) : null
  cache.set(key, { route })
  return route
}

export function resolveTenantBySlug(slug: string): Promise<TenantRoute | null> {
  const normalised = slug.toLowerCase()
  if (!isSlugShape(normalised)) return Promise.resolve(null)
  return lookup('slug', normalised)
}

export function resolveTenantById(id: string): Promise<TenantRoute | null> {
  const normalised = id.toLowerCase()
  if (!isUuid(normalised)) return Promise.resolve(null)
  return lookup('id', normalised)
}

export function resolveTenantByDomain(domain: string): Promise<TenantRoute | null> {
  return lookup('domain', domain.toLowerCase())
}

/** `<slug>.<platformDomain>` or a tenant's own domain; the port is ignored. */
export async function resolveTenantByHost(host: string, platformDomain: string): Promise<TenantRoute | null> {
  const hostname = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '')
  const platform = platformDomain.toLowerCase()
  if (hostname.endsWith(`.${platform}`)) {
    const sub = hostname.slice(0, -(platform.length + 1))
    if (!sub.includes('.')) return resolveTenantBySlug(sub)
  }
  return resolveTenantByDomain(hostname)
}

/** How many lookups are remembered (known tenants and unknown hosts alike). */
export function cachedRouteCount(): number {
  return cache.size
}

/** Called after a tenant's slug, domain or status changes, or a tenant is deleted. */
export function invalidateTenantRoutes(): void {
  cache.clear()
}
