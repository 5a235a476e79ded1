'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { formatDateTime, formatNumber } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { AUDIT_ACTION_GROUPS, auditLogPageResponseSchema } from '@/lib/contracts/audit'
import { AuditChange } from './audit-change'
import { AuditTarget } from './audit-target'

type Filters = { action: string; from: string; to: string; tenantId: string }
const emptyFilters: Filters = { action: '', from: '', to: '', tenantId: '' }
const PAGE_SIZE = 25

type Props = {
  endpoint: string
  /** Platform log: filter by tenant (`platform` = the platform's own rows) and show the tenant column. */
  tenants?: { id: string; name: string }[]
  /** A change fetches the page again (the console tenant page after a save). */
  version?: number
}

function queryOf(filters: Filters, page: number): string {
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) })
  for (const key of ['action', 'from', 'to', 'tenantId'] as const) if (filters[key]) params.set(key, filters[key])
  return params.toString()
}

export function AuditLogViewer({ endpoint, tenants, version = 0 }: Props) {
  const [draft, setDraft] = useState<Filters>(emptyFilters)
  const [filters, setFilters] = useState<Filters>(emptyFilters)
  const [page, setPage] = useState(1)
  const { data, error: failure, loading } = useApiQuery(`${endpoint}?${queryOf(filters, page)}`, auditLogPageResponseSchema, version)
  const error = failure?.message ?? null
  const tenantNames = new Map((tenants ?? []).map((tenant) => [tenant.id, tenant.name]))

  function apply(event: FormEvent) {
    event.preventDefault()
    setPage(1)
    setFilters(draft)
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1
  // Addresses are recorded only behind a trusted proxy: without one, a column of dashes says nothing.
  const showIp = data?.items.some((entry) => entry.ip !== null) ?? false
  // The platform log verifies one chain: the filtered tenant's, or else the platform's own.
  const chainName = !tenants
    ? 'Hash chain'
    : filters.tenantId && filters.tenantId !== 'platform'
      ? `${tenantNames.get(filters.tenantId) ?? 'Tenant'} chain`
      : 'Platform chain'
  return (
    <div className="space-y-4">
      <form
        onSubmit={apply}
        className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      >
        <SelectField label="Action" value={draft.action} onChange={(event) => setDraft({ ...draft, action: event.target.value })}>
          <option value="">All actions</option>
          {AUDIT_ACTION_GROUPS.map((group) => (
            <option key={group} value={group}>
              {group}.*
            </option>
          ))}
        </SelectField>
        {tenants ? (
          <SelectField label="Tenant" value={draft.tenantId} onChange={(event) => setDraft({ ...draft, tenantId: event.target.value })}>
            <option value="">All</option>
            <option value="platform">Platform only</option>
            {tenants.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {tenant.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField label="From" type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        <TextField label="To" type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(emptyFilters)
              setFilters(emptyFilters)
              setPage(1)
            }}
          >
            Reset
          </Button>
        </div>
      </form>

      {error ? <Alert tone="error">{error}</Alert> : null}
      {data ? (
        <div className="flex flex-wrap items-center gap-3 text-sm text-stone-700">
          <span>
            {formatNumber(data.total)} {data.total === 1 ? 'entry' : 'entries'}
          </span>
          {data.chain.ok && data.chain.checked === 0 ? (
            <Badge>{chainName}: no entries yet</Badge>
          ) : data.chain.ok ? (
            <Badge tone="green">
              {chainName} intact: {formatNumber(data.chain.checked)} {data.chain.checked === 1 ? 'entry' : 'entries'} checked
            </Badge>
          ) : (
            <Badge tone="red">
              {chainName}: tampering detected at entry #{data.chain.firstBrokenId}
            </Badge>
          )}
        </div>
      ) : null}

      {/* Phones get one card per entry; the table needs the width of a laptop. */}
      <ul className="space-y-3 sm:hidden" aria-label="Audit log entries, newest first">
        {data?.items.map((entry) => (
          <li key={entry.id} className="rounded-xl border border-stone-200 bg-white p-3 text-sm shadow-sm">
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-mono text-xs break-all text-stone-900">{entry.action}</span>
              <span className="text-xs text-stone-600">{formatDateTime(entry.createdAt)}</span>
            </p>
            <p className="mt-1 break-all text-stone-700">
              {entry.actorEmail ?? (entry.actorIsPlatformAdmin ? 'Platform admin' : 'system')}
              {tenants ? ` · ${entry.tenantId ? (tenantNames.get(entry.tenantId) ?? 'Deleted tenant') : 'Platform'}` : ''}
              {showIp && entry.ip ? ` · ${entry.ip}` : ''}
            </p>
            <div className="mt-2">
              <AuditTarget entry={entry} />
            </div>
            <div className="mt-2">
              <AuditChange before={entry.before} after={entry.after} />
            </div>
          </li>
        ))}
      </ul>

      <div className="hidden overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm sm:block">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Audit log entries, newest first</caption>
          <thead className="bg-stone-100 text-xs tracking-wide text-stone-700 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                When
              </th>
              {tenants ? (
                <th scope="col" className="px-3 py-2">
                  Tenant
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2">
                Who
              </th>
              <th scope="col" className="px-3 py-2">
                Action
              </th>
              <th scope="col" className="px-3 py-2">
                Target
              </th>
              <th scope="col" className="px-3 py-2">
                Change
              </th>
              {showIp ? (
                <th scope="col" className="px-3 py-2">
                  IP
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {data?.items.map((entry) => (
              <tr key={entry.id} className="align-top">
                <td className="px-3 py-2 whitespace-nowrap text-stone-700">{formatDateTime(entry.createdAt)}</td>
                {tenants ? (
                  <td className="px-3 py-2">{entry.tenantId ? (tenantNames.get(entry.tenantId) ?? 'Deleted tenant') : 'Platform'}</td>
                ) : null}
                <td className="max-w-[14rem] truncate px-3 py-2" title={entry.actorEmail ?? undefined}>
                  {entry.actorEmail ?? (entry.actorIsPlatformAdmin ? 'Platform admin' : 'system')}
                </td>
                <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{entry.action}</td>
                <td className="px-3 py-2 text-stone-700">
                  <AuditTarget entry={entry} />
                </td>
                <td className="px-3 py-2">
                  <AuditChange before={entry.before} after={entry.after} />
                </td>
                {showIp ? <td className="px-3 py-2 font-mono text-xs text-stone-600">{entry.ip ?? '—'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && data.items.length === 0 ? <p className="px-3 py-6 text-center text-stone-600">No entries match these filters.</p> : null}
      {loading && !data ? <p className="px-3 py-6 text-center text-stone-600">Loading…</p> : null}

      <nav aria-label="Audit log pages" className="flex items-center justify-between gap-3">
        <Button variant="secondary" size="sm" disabled={page <= 1 || loading} onClick={() => setPage(page - 1)}>
          Newer
        </Button>
        <span className="text-sm text-stone-700">
          Page {page} of {pages}
        </span>
        <Button variant="secondary" size="sm" disabled={page >= pages || loading} onClick={() => setPage(page + 1)}>
          Older
        </Button>
      </nav>
    </div>
  )
}
