import { DEMO_TENANTS } from '@/scripts/demo/demo-data'
import { resolveTenantBySlug } from '@/lib/multi-tenant/tenants'

export type DemoLink = { name: string; slug: string; publicAccess: boolean }

/** The demo tenants that exist here (after `npm run seed:demo`) and are serving: names and slugs only. */
export async function seededDemoTenants(): Promise<DemoLink[]> {
  const found = await Promise.all(DEMO_TENANTS.map(({ tenant }) => resolveTenantBySlug(tenant.slug)))
  return found.flatMap((route) => (route?.serving ? [{ name: route.name, slug: route.slug, publicAccess: route.publicAccess }] : []))
}
