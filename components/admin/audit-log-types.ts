import type { AuditLogEntry, ChainCheck } from '@/lib/multi-tenant/audit'

/** The audit routes' page, as the viewer reads it: the entries without their chain hashes. */
export type AuditEntry = Omit<AuditLogEntry, 'actorId' | 'prevHash' | 'hash'>

export type AuditPage = {
  items: AuditEntry[]
  page: number
  pageSize: number
  total: number
  chain: ChainCheck
}

export const AUDIT_ACTION_GROUPS = ['tenant', 'member', 'knowledge', 'personality', 'plan'] as const
