'use client'

import Link from 'next/link'
import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button, buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatBytes, formatDateTime } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { knowledgeListResponseSchema } from '@/lib/contracts/knowledge'
import { noContentSchema } from '@/lib/contracts/no-content'
import { ReextractButton } from './reextract-button'

const PAGE_SIZE = 20

type Props = { tenantId: string; version: number; onChanged: () => void; documentHref: (id: string) => string }

/** The tenant's documents, filterable by title, each linking to its page, with delete behind a confirmation. */
export function KnowledgeList({ tenantId, version, onChanged, documentHref }: Props) {
  const [page, setPage] = useState(1)
  const [draft, setDraft] = useState('')
  const [query, setQuery] = useState('')
  const [deleteError, setDeleteError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<string | null>(null)
  const base = `/api/admin/tenants/${tenantId}/knowledge`
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), ...(query ? { q: query } : {}) })
  const list = useApiQuery(`${base}?${params}`, knowledgeListResponseSchema, version)
  const items = list.data?.items ?? null
  const total = list.data?.total ?? null
  const storage = list.data?.storage ?? null
  const error = deleteError ?? list.error?.message ?? null

  async function remove(id: string) {
    setDeleting(id)
    setDeleteError(null)
    try {
      await apiFetch(`${base}/${id}`, noContentSchema, { method: 'DELETE' })
      setConfirming(null)
      onChanged()
    } catch (cause) {
      setDeleteError(errorMessage(cause))
    } finally {
      setDeleting(null)
    }
  }

  function search(event: FormEvent) {
    event.preventDefault()
    setPage(1)
    setQuery(draft.trim())
  }

  const pages = total === null ? null : Math.max(1, Math.ceil(total / PAGE_SIZE))
  return (
    <div className="space-y-4">
      <form onSubmit={search} role="search" className="flex items-end gap-2">
        <TextField
          label="Filter documents"
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          wrapperClassName="flex-1"
          placeholder="Title contains…"
        />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {storage ? (
        <p className="text-sm text-stone-700">
          {total !== null ? `${total} ${total === 1 ? 'document' : 'documents'} · ` : ''}
          {formatBytes(storage.usedBytes)} of {storage.limitBytes === null ? 'unlimited' : formatBytes(storage.limitBytes)} storage used
        </p>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {items === null && !error ? <p className="text-stone-600">Loading…</p> : null}
      {items && items.length === 0 ? (
        <EmptyState title={query ? 'No documents match' : 'No documents yet'}>
          {query ? 'Try another word.' : 'Upload files above to give your assistant something to answer from.'}
        </EmptyState>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white" aria-label="Documents">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <Link
                  href={documentHref(item.id)}
                  className="block truncate font-medium text-indigo-800 underline-offset-2 hover:underline"
                >
                  {item.title}
                </Link>
                <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-stone-600">
                  <Badge>{item.sourceType}</Badge>
                  <span>{formatBytes(item.byteSize)}</span>
                  <span>{item.chunkCount === 1 ? '1 passage' : `${item.chunkCount} passages`}</span>
                  <span>added {formatDateTime(item.createdAt)}</span>
                </p>
              </div>
              {confirming === item.id ? (
                <span className="flex gap-2">
                  <Button size="sm" variant="danger" busy={deleting === item.id} onClick={() => void remove(item.id)}>
                    Delete for good
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                    Keep
                  </Button>
                </span>
              ) : (
                <span className="flex gap-2">
                  {item.filename ? <ReextractButton tenantId={tenantId} id={item.id} title={item.title} onDone={onChanged} /> : null}
                  {item.filename ? (
                    <a
                      href={`/api/admin/tenants/${tenantId}/knowledge/${item.id}/original`}
                      download
                      className={buttonClasses('ghost', 'sm')}
                      aria-label={`Download the original of ${item.title}`}
                    >
                      Original
                    </a>
                  ) : null}
                  <Button size="sm" variant="secondary" onClick={() => setConfirming(item.id)} aria-label={`Delete ${item.title}`}>
                    Delete
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {pages !== null && pages > 1 ? (
        <nav aria-label="Document pages" className="flex items-center justify-between">
          <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <span className="text-sm text-stone-700">
            Page {page} of {pages}
          </span>
          <Button size="sm" variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </nav>
      ) : null}
    </div>
  )
}
