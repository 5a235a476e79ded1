/**
 * A member's roles in a tenant, highest first. SQL owns the rule (the tenant_users and
 * tenant_invitations checks, app_private.role_rank); this is TypeScript's one copy, and
 * tests/integration/rule-owners.test.ts proves it names the same roles in the same order.
 * Pure, so the browser may import it.
 */
export const TENANT_ROLES = ['admin', 'user', 'viewer'] as const
export type TenantRole = (typeof TENANT_ROLES)[number]

/** The role reaches `minRole`, in app_private.role_rank's order (for deciding before any transaction). */
export function roleReaches(role: TenantRole | null, minRole: TenantRole): boolean {
  return role !== null && TENANT_ROLES.indexOf(role) <= TENANT_ROLES.indexOf(minRole)
}
