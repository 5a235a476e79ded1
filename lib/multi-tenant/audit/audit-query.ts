import type { AuditQuery } from '@/lib/contracts/audit'

const dateOnly = /^\d{4}-\d{2}-\d{2}$/

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
