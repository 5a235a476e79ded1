// The audit feature's public surface: writing an entry (inside the caller's transaction) and reading the log.
export { recordAudit } from './audit'
export { listPlatformAuditLogs, listTenantAuditLogs } from './audit-logs'
