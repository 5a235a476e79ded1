import { z } from 'zod'

const dateOnly = /^\d{4}-\d{2}-\d{2}$/

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  message: 'must be a date (2026-11-23) or an ISO 8601 date-time',
})

/**
 * Query string of the audit log endpoints. `page`/`pageSize` page by offset; `cursor`
 * (the last id seen) pages by keyset and wins over `page`. `action` is exact when it
 * has a dot (`member.add`), otherwise a prefix (`member` = every member action).
 * `from` is inclusive; `to` is inclusive, and a bare date means the whole of that day.
 */
export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().min(1).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_.]+)?$/, { message: 'must be an action such as member.add, or a prefix such as member' })
    .optional(),
  from: instant.optional(),
  to: instant.optional(),
})
export type AuditQuery = z.infer<typeof auditQuerySchema>

/** The platform-wide log also filters by tenant; `platform` selects the platform's own rows. */
export const platformAuditQuerySchema = auditQuerySchema.extend({
  tenantId: z.union([z.uuid({ message: 'must be a tenant id or "platform"' }), z.literal('platform')]).optional(),
})
export type PlatformAuditQuery = z.infer<typeof platformAuditQuerySchema>

export type Filter = { clauses: string[]; params: unknown[] }

function upperBound(value: string): { op: '<' | '<='; at: Date } {
  if (!dateOnly.test(value)) return { op: '<=', at: new Date(value) }
  const next = new Date(`${value}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return { op: '<', at: next }
}

/** Appends the query's filters to a WHERE clause list, numbering parameters after `filter.params`. */
export function addQueryFilters(filter: Filter, query: AuditQuery): Filter {
  const clauses = [...filter.clauses]
  const params = [...filter.params]
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  if (query.action) {
    clauses.push(query.action.includes('.') ? `action = ${param(query.action)}` : `action like ${param(`${query.action}.%`)}`)
  }
  if (query.from) clauses.push(`created_at >= ${param(new Date(dateOnly.test(query.from) ? `${query.from}T00:00:00Z` : query.from))}`)
  if (query.to) {
    const bound = upperBound(query.to)
    clauses.push(`created_at ${bound.op} ${param(bound.at)}`)
  }
  return { clauses, params }
}
