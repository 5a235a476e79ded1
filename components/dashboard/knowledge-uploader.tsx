'use client'

import { useId, useState, type DragEvent } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/progress-bar'
import { formatBytes } from '@/lib/client/format'
import { describeUpload } from './knowledge-results'
import { useUploadQueue, type UploadItem } from './upload-queue'

const ACCEPT = '.txt,.md,.markdown,.pdf,.docx,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const statusText: Record<UploadItem['status'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  processing: 'Reading and indexing',
  done: 'Added',
  failed: 'Failed',
}

function StatusBadge({ status }: { status: UploadItem['status'] }) {
  const tone = status === 'done' ? 'green' : status === 'failed' ? 'red' : status === 'queued' ? 'neutral' : 'sky'
  return <Badge tone={tone}>{statusText[status]}</Badge>
}

/** Drop several files (or choose them); each uploads on its own with progress and a result. */
export function KnowledgeUploader({ tenantId, maxMb, onUploaded }: { tenantId: string; maxMb: number; onUploaded: () => void }) {
  const inputId = useId()
  const hintId = useId()
  const [dragging, setDragging] = useState(false)
  const queue = useUploadQueue(`/api/admin/tenants/${tenantId}/knowledge`, 'files', describeUpload, onUploaded)

  function onDrop(event: DragEvent) {
    event.preventDefault()
    setDragging(false)
    const files = Array.from(event.dataTransfer.files)
    if (files.length) queue.add(files)
  }

  return (
    <div>
      <div
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-4 py-8 text-center transition-colors ${dragging ? 'border-indigo-500 bg-indigo-50' : 'border-stone-300 bg-stone-50'}`}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="mb-2 size-8 text-stone-500" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M12 16V4m0 0l-4 4m4-4l4 4M4 16v2a2 2 0 002 2h12a2 2 0 002-2v-2" />
        </svg>
        <p className="font-medium text-stone-800">Drop files here</p>
        <p id={hintId} className="mt-1 text-sm text-stone-600">
          PDF, Word (.docx), Markdown or text · up to {maxMb} MB each
        </p>
        <label htmlFor={inputId} className="mt-3 cursor-pointer rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 shadow-sm focus-within:outline-2 focus-within:outline-indigo-600 hover:bg-stone-100">
          Choose files
          <input
            id={inputId}
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby={hintId}
            className="sr-only"
            onChange={(event) => {
              const files = Array.from(event.target.files ?? [])
              if (files.length) queue.add(files)
              event.target.value = ''
            }}
          />
        </label>
      </div>

      {queue.items.length > 0 ? (
        <div className="mt-4">
          <div className="mb-2 flex items-center justify-between">
            <h3 className="text-sm font-semibold text-stone-800">Uploads</h3>
            <Button size="sm" variant="ghost" onClick={queue.clearFinished}>
              Clear finished
            </Button>
          </div>
          <ul className="space-y-2" aria-live="polite">
            {queue.items.map((item) => (
              <li key={item.key} className="rounded-lg border border-stone-200 bg-white px-3 py-2" data-testid="upload-item">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="min-w-0 truncate text-sm font-medium text-stone-900">{item.name}</span>
                  <span className="flex items-center gap-2 text-xs text-stone-600">
                    {formatBytes(item.size)} <StatusBadge status={item.status} />
                  </span>
                </div>
                {item.status === 'uploading' || item.status === 'processing' ? (
                  <div className="mt-2">
                    <ProgressBar value={item.progress} label={`Uploading ${item.name}`} />
                  </div>
                ) : null}
                {item.message ? <p className={`mt-1 text-sm ${item.status === 'failed' ? 'text-red-700' : 'text-stone-700'}`}>{item.message}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
