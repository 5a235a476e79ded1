'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState, type ReactNode } from 'react'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button, buttonClasses } from '@/components/ui/button'
import { Card, CardHeader, PageHeader } from '@/components/ui/card'
import { ElementBadge } from '@/components/ui/element-badge'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatBytes, formatDateTime, formatNumber } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { knowledgeDocumentResponseSchema } from '@/lib/contracts/knowledge'
import { noContentSchema } from '@/lib/contracts/no-content'
import { DocumentIndexState } from './document-index-state'
import { KnowledgeChunks } from './knowledge-chunks'
import { ReextractButton } from './reextract-button'

type Props = { tenantId: string; knowledgeId: string; listHref: string }

/** One document for its tenant's admins: what it is, its passages, its text, its file and its index state. */
export function KnowledgeDocumentView({ tenantId, knowledgeId, listHref }: Props) {
  const router = useRouter()
  const path = `/api/admin/tenants/${tenantId}/knowledge/${knowledgeId}`
  const details = useApiQuery(path, knowledgeDocumentResponseSchema)
  const [confirming, setConfirming] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [deleteError, setDeleteError] = useState<string | null>(null)

  async function remove() {
    setDeleting(true)
    setDeleteError(null)
    try {
      await apiFetch(path, noContentSchema, { method: 'DELETE' })
      router.push(listHref)
    } catch (cause) {
      setDeleteError(errorMessage(cause))
      setDeleting(false)
    }
  }

  const back = (
    <Link href={listHref} className="text-sm font-medium text-indigo-800 underline-offset-2 hover:underline">
      ← All documents
    </Link>
  )
  if (!details.data) {
    return (
      <div className="space-y-4">
        {back}
        {details.error ? <Alert tone="error">{details.error.message}</Alert> : <p className="text-stone-600">Loading…</p>}
      </div>
    )
  }
  const { document, chunks, original, index } = details.data
  return (
    <div className="space-y-6">
      {back}
      <PageHeader
        title={<span className="break-words">{document.title}</span>}
        description={`Added ${formatDateTime(document.createdAt)}`}
        actions={
          confirming ? (
            <>
              <Button size="sm" variant="danger" busy={deleting} onClick={() => void remove()}>
                Delete for good
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </>
          ) : (
            <>
              {original ? (
                <a href={`${path}/original`} download className={buttonClasses('secondary', 'sm')}>
                  Download original
                </a>
              ) : null}
              {original ? <ReextractButton tenantId={tenantId} id={document.id} title={document.title} onDone={details.reload} /> : null}
              <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
                Delete
              </Button>
            </>
          )
        }
      />
      {deleteError ? <Alert tone="error">{deleteError}</Alert> : null}
      <Card>
        <CardHeader title="Details" />
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Fact label="Type">
            <Badge>{document.sourceType}</Badge>
          </Fact>
          <Fact label="Original file">
            {original ? (
              <span className="break-all">
                {original.fileName} · {formatBytes(original.byteSize)}
              </span>
            ) : (
              <span className="text-stone-600">None: added as text, so there is no file to download</span>
            )}
          </Fact>
          <Fact label="Stored text">{formatBytes(document.byteSize)}</Fact>
          <Fact label="Tokens">{formatNumber(document.tokenCount)}</Fact>
          <Fact label="Category">{document.category ?? <span className="text-stone-600">None</span>}</Fact>
          <Fact label="Tags">
            {document.tags.length > 0 || document.elementalTags.length > 0 ? (
              <span className="flex flex-wrap gap-1">
                {document.tags.map((tag) => (
                  <Badge key={tag}>{tag}</Badge>
                ))}
                {document.elementalTags.map((element) => (
                  <ElementBadge key={element} element={element} />
                ))}
              </span>
            ) : (
              <span className="text-stone-600">None</span>
            )}
          </Fact>
        </dl>
      </Card>
      <Card>
        <CardHeader title="Search index" />
        <DocumentIndexState index={index} />
      </Card>
      <Card>
        <CardHeader
          title={`Passages (${formatNumber(chunks.length)})`}
          description="The pieces the assistant retrieves and cites, in the order they appear in the document."
        />
        <KnowledgeChunks chunks={chunks} />
      </Card>
      <Card>
        <details>
          <summary className="cursor-pointer text-lg font-semibold text-stone-900">Full text</summary>
          <div className="mt-3 max-w-none text-sm break-words whitespace-pre-wrap text-stone-800" data-testid="document-text">
            {document.content}
          </div>
        </details>
      </Card>
    </div>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-stone-600">{label}</dt>
      <dd className="mt-0.5 text-stone-900">{children}</dd>
    </div>
  )
}
