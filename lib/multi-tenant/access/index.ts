// The access feature's public surface: who the caller is, and the admin check services run in their transaction.
export {
  actingAs,
  callerFromSession,
  callerOf,
  hasRole,
  findTargetTenant,
  resolveCaller,
  twoFactorSetupRequired,
  visitorScope,
} from './caller'
export type { Acting, Caller, CallerTarget, FirstStep, TransactionScope } from './caller'
export { isPlatformAdmin, loadTenantForAdmin, tenantNotFound, type AdminAccess } from './tenant-access'
