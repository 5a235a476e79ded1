import { requestEventSchema, type RequestEvent } from '@/lib/contracts/requests'

/**
 * A select-list column with a request's status history, oldest first, read from its events
 * table (whose rows RLS shows to whoever sees the request). `alias` names the request.
 */
export function historyColumn(eventsTable: 'tenant_access_request_events' | 'tenant_resource_request_events', alias = 'r'): string {
  return `coalesce((select json_agg(json_build_object('status', e.status, 'note', e.note, 'at', e.created_at) order by e.id)
            from public.${eventsTable} e where e.request_id = ${alias}.id), '[]'::json) as history`
}

/** The history column as the API answers it (dates as ISO strings); a malformed entry is left out. */
export function readHistory(value: unknown): RequestEvent[] {
  const entries = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  if (!Array.isArray(entries)) return []
  return entries.flatMap((entry: unknown) => {
    const at = (entry as { at?: unknown } | null)?.at
    const parsed = requestEventSchema.safeParse({ ...(entry as object), at: typeof at === 'string' ? new Date(at).toISOString() : at })
    return parsed.success ? [parsed.data] : []
  })
}

/** Pending requests first, oldest first (the queue to decide), then the decided ones, newest first. */
export const QUEUE_ORDER = `(r.status = 'pending') desc, case when r.status = 'pending' then r.created_at end, r.created_at desc, r.id`

export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString())
