'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { TextField } from '@/components/ui/field'
import { apiFetch, ApiError } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatNumber } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { collectionListSchema, collectionSchema } from '@/lib/contracts/collections'

/** The tenant's collections of knowledge: the default one and those its admins add, each with its number of documents. */
export function CollectionsCard({ tenantId }: { tenantId: string }) {
  const url = `/api/admin/tenants/${tenantId}/collections`
  const { data, error, reload } = useApiQuery(url, collectionListSchema)
  const [name, setName] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function add(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setFieldError(null)
    setNotice(null)
    try {
      const added = await apiFetch(url, collectionSchema, { method: 'POST', json: { name } })
      setName('')
      setNotice(`${added.name} is ready: file documents in it when you upload them, and give it to an advisor.`)
      reload()
    } catch (cause) {
      setFieldError(cause instanceof ApiError && cause.fields.name ? cause.fields.name : errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card>
      <CardHeader title="Collections" description="Documents that name no collection go to the default one." />
      <form onSubmit={(event) => void add(event)} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField
          label="New collection"
          placeholder="Legal"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={fieldError ?? undefined}
          wrapperClassName="flex-1"
          maxLength={80}
          required
        />
        <Button type="submit" busy={busy} className="sm:mb-0.5">
          Add collection
        </Button>
      </form>
      {notice ? (
        <p role="status" className="mt-2 text-sm text-stone-700">
          {notice}
        </p>
      ) : null}
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {data ? (
        <ul className="mt-4 divide-y divide-stone-200" aria-label="Collections">
          {data.collections.map((collection) => (
            <li key={collection.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="font-medium break-words text-stone-900">{collection.name}</span>
              <span className="flex items-center gap-2 text-sm text-stone-600">
                {collection.isDefault ? <Badge tone="indigo">Default</Badge> : null}
                {formatNumber(collection.documentCount)} document{collection.documentCount === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  )
}
