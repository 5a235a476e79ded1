// The tenants feature's public surface: the directory (routing), the records admins manage, plans and limits.
export { invalidateTenantRoutes, resolveTenantByDomain, resolveTenantByHost, resolveTenantById, resolveTenantBySlug } from './directory'
export type { TenantRoute } from './directory'
export { normaliseHost, TENANT_SLUG_HEADER } from './host-routing'
export { PLAN_TIERS, listPlans, mergeLimits, planDefaults, readLimits, type Limits, type Plan, type PlanTier } from './plans'
export { TENANT_COLUMNS, toTenant, type Tenant, type TenantRow } from './record'
export { tenantCreateSchema, tenantDeleteSchema, tenantUpdateSchema, type TenantStatus } from './schema'
export { createTenant, deleteTenant, getTenant, listTenants, updateTenant } from './tenants'
export { listContentLanguages } from './content-languages'
