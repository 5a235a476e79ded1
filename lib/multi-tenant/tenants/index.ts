// The tenants feature's public surface: the directory (routing), the records admins manage, plans and limits.
export { invalidateTenantRoutes, resolveTenantByDomain, resolveTenantByHost, resolveTenantById, resolveTenantBySlug } from './directory'
export type { TenantRoute } from './directory'
export { normaliseHost, TENANT_SLUG_HEADER } from './host-routing'
export { listPlans, mergeLimits, planDefaults, readLimits } from './plans'
export { TENANT_COLUMNS, toTenant, type TenantRow } from './record'
export { createTenant, deleteTenant, getTenant, listTenants, updateTenant } from './tenants'
export { listContentLanguages } from './content-languages'
export { platformOrigin, portOfHost, tenantSiteOrigin, type Reached } from './site-origin'
