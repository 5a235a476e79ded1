import type { AuditAction } from '@/lib/contracts/audit'
import { asServer, type Queryable } from '@/lib/db'

export type AuditEntry = {
  /** null = the platform's own chain (e.g. the record of a tenant's deletion). */
  tenantId: string | null
  action: AuditAction
  targetType?: string | null
  targetId?: string | null
  before?: unknown
  after?: unknown
  ip?: string | null
}

/**
 * Appends one row to the tenant's hash chain. Call it inside the same transaction as the
 * change it records, so a change that fails leaves no row. Written as the server (no API
 * role executes write_audit); the actor is taken from the transaction's verified claims
 * by the SQL function, never from here.
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<number> {
  // `::text::jsonb`, not `::jsonb`: postgres.js JSON-encodes a parameter it is told is
  // jsonb, so an already-stringified value would be stored as a JSON string.
  const rows = await asServer(tx, (server) =>
    server.query<{ id: number | string }>('select app_private.write_audit($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7) as id', [
      entry.tenantId,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
      entry.ip ?? null,
    ]),
  )
  return Number(rows[0]?.id)
}
