'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { TextArea, TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatBytes, formatDateTime } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { noContentSchema } from '@/lib/contracts/no-content'
import { myDocumentCreatedSchema, myDocumentListSchema, myDocumentsUploadedSchema } from '@/lib/contracts/personal-documents'
import { shareListSchema, shareSchema } from '@/lib/contracts/shares'

/** A member's own documents: added as text or files, private until shared with everyone here, and removed. */
export function MyDocumentsPanel({ slug, canAdd }: { slug: string; canAdd: boolean }) {
  const base = `/api/tenant/${encodeURIComponent(slug)}`
  const documents = useApiQuery(`${base}/my/documents`, myDocumentListSchema)
  const shares = useApiQuery(`${base}/shares`, shareListSchema)
  const [title, setTitle] = useState('')
  const [content, setContent] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const reload = () => {
    documents.reload()
    shares.reload()
  }
  const tenantShareOf = (id: string) =>
    shares.data?.mine.find((share) => share.resourceType === 'document' && share.resourceId === id && 'tenant' in share.grantee)

  async function act(work: () => Promise<string>) {
    setBusy(true)
    setNotice(null)
    try {
      setNotice(await work())
      reload()
    } catch (cause) {
      setNotice(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  function addText(event: FormEvent) {
    event.preventDefault()
    void act(async () => {
      const stored = await apiFetch(`${base}/my/documents`, myDocumentCreatedSchema, { method: 'POST', json: { title, content } })
      setTitle('')
      setContent('')
      return `${stored.title} is saved. Only you can read it.`
    })
  }

  function addFiles(event: FormEvent) {
    event.preventDefault()
    void act(async () => {
      const form = new FormData()
      for (const file of files) form.append('file', file)
      const { documents: stored } = await apiFetch(`${base}/my/documents`, myDocumentsUploadedSchema, { method: 'POST', body: form })
      setFiles([])
      const refused = stored.filter((item) => item.error)
      return refused.length === 0
        ? `${stored.length} file${stored.length === 1 ? '' : 's'} saved. Only you can read them.`
        : refused.map((item) => `${item.fileName}: ${item.error?.message}`).join(' ')
    })
  }

  const share = (id: string, name: string) =>
    act(async () => {
      await apiFetch(`${base}/shares`, shareSchema, {
        method: 'POST',
        json: { resourceType: 'document', resourceId: id, grantee: { tenant: true } },
      })
      return `${name} is shared with everyone here.`
    })
  const unshare = (shareId: string, name: string) =>
    act(async () => {
      await apiFetch(`${base}/shares/${shareId}`, noContentSchema, { method: 'DELETE' })
      return `${name} is private again.`
    })
  const remove = (id: string, name: string) =>
    act(async () => {
      await apiFetch(`${base}/my/documents/${id}`, noContentSchema, { method: 'DELETE' })
      return `${name} is deleted.`
    })

  return (
    <div className="space-y-6">
      {canAdd ? (
        <Card>
          <CardHeader
            title="Add a document"
            description="Your documents are private: the assistant uses them in your own conversations only."
          />
          <form onSubmit={addText} className="space-y-3">
            <TextField label="Title" value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={300} />
            <TextArea label="Text" value={content} onChange={(event) => setContent(event.target.value)} required rows={5} />
            <Button type="submit" busy={busy}>
              Save document
            </Button>
          </form>
          <form onSubmit={addFiles} className="mt-6 flex flex-col gap-2 sm:flex-row sm:items-end">
            <TextField
              label="Or upload files (.txt, .md, .pdf, .docx)"
              type="file"
              multiple
              accept=".txt,.md,.markdown,.pdf,.docx"
              onChange={(event) => setFiles([...(event.target.files ?? [])])}
              wrapperClassName="flex-1"
            />
            <Button type="submit" variant="secondary" busy={busy} disabled={files.length === 0}>
              Upload
            </Button>
          </form>
        </Card>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-stone-700">
          {notice}
        </p>
      ) : null}
      <Card>
        <CardHeader
          title="Your documents"
          description={documents.data ? `${formatBytes(documents.data.usedBytes)} of your organisation’s storage.` : undefined}
        />
        {documents.error ? <Alert tone="error">{documents.error.message}</Alert> : null}
        {documents.data && documents.data.items.length === 0 ? (
          <EmptyState title="No documents yet">Add notes or files only you (and those you share them with) will see.</EmptyState>
        ) : null}
        {documents.data && documents.data.items.length > 0 ? (
          <ul className="divide-y divide-stone-200" aria-label="Your documents">
            {documents.data.items.map((item) => {
              const shared = tenantShareOf(item.id)
              return (
                <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <p className="font-medium break-words text-stone-900">{item.title}</p>
                    <p className="text-xs text-stone-600">
                      {formatBytes(item.byteSize)} · {formatDateTime(item.createdAt)}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={shared ? 'indigo' : 'neutral'}>{shared ? 'Shared with everyone' : 'Private'}</Badge>
                    {shared ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => void unshare(shared.id, item.title)}
                        aria-label={`Stop sharing ${item.title}`}
                      >
                        Stop sharing
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => void share(item.id, item.title)}
                        aria-label={`Share with everyone: ${item.title}`}
                      >
                        Share with everyone
                      </Button>
                    )}
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => void remove(item.id, item.title)}
                      aria-label={`Delete ${item.title}`}
                    >
                      Delete
                    </Button>
                  </div>
                </li>
              )
            })}
          </ul>
        ) : null}
      </Card>
    </div>
  )
}
