'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { apiFetch } from '@/lib/client/api'
import { formatNumber } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { AddByNameForm } from './add-by-name-form'
import { collectionListSchema, collectionSchema } from '@/lib/contracts/collections'

/** The tenant's collections of knowledge: the default one and those its admins add, each with its number of documents. */
export function CollectionsCard({ tenantId }: { tenantId: string }) {
  const url = `/api/admin/tenants/${tenantId}/collections`
  const { data, error, reload } = useApiQuery(url, collectionListSchema)
  const [notice, setNotice] = useState<string | null>(null)

  async function add(name: string) {
    setNotice(null)
    const added = await apiFetch(url, collectionSchema, { method: 'POST', json: { name } })
    setNotice(`${added.name} is ready: file documents in it when you upload them, and give it to an advisor.`)
    reload()
  }

  return (
    <Card>
      <CardHeader title="Collections" description="Documents that name no collection go to the default one." />
      <AddByNameForm label="New collection" placeholder="Legal" submitLabel="Add collection" onAdd={add} />
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
