// The audit feature's public surface: writing an entry (inside the caller's transaction) and reading the log.
export { recordAudit, type AuditAction } from './audit'
export { listPlatformAuditLogs, listTenantAuditLogs, type AuditLogEntry, type AuditLogPage, type ChainCheck } from './audit-logs'
export { auditQuerySchema, platformAuditQuerySchema } from './audit-query'
