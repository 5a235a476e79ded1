/** The audit routes' page, as the viewer reads it. */
export type AuditEntry = {
  id: number
  tenantId: string | null
  actorEmail: string | null
  action: string
  targetType: string | null
  targetId: string | null
  before: unknown
  after: unknown
  ip: string | null
  createdAt: string
}

export type AuditPage = {
  items: AuditEntry[]
  page: number
  pageSize: number
  total: number
  chain: { ok: boolean; checked: number; firstBrokenId: number | null }
}

export const AUDIT_ACTION_GROUPS = ['tenant', 'member', 'knowledge', 'personality', 'plan'] as const
