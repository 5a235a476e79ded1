'use client'

import { useId, useState, type DragEvent } from 'react'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/progress-bar'
import { useUploadQueue, type UploadItem, type UploadStatus } from './upload-queue'

const ACCEPT =
  '.txt,.md,.markdown,.pdf,.docx,.zip,text/plain,text/markdown,application/pdf,application/zip,application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const statusText: Record<UploadStatus, string> = {
  uploading: 'Uploading',
  queued: 'Waiting',
  extracting: 'Reading',
  embedding: 'Indexing',
  done: 'Added',
  failed: 'Failed',
}

const statusTone: Record<UploadStatus, BadgeTone> = {
  uploading: 'sky',
  queued: 'neutral',
  extracting: 'sky',
  embedding: 'indigo',
  done: 'green',
  failed: 'red',
}

const working = (status: UploadStatus) => status !== 'done' && status !== 'failed'

function Summary({ items }: { items: UploadItem[] }) {
  const done = items.filter((item) => item.status === 'done').length
  const failed = items.filter((item) => item.status === 'failed').length
  const total = items.length
  const finished = done + failed
  return (
    <div className="mb-3" data-testid="upload-summary">
      <p className="text-sm text-stone-700">
        {finished} of {total} {total === 1 ? 'file' : 'files'} finished
        {failed > 0 ? <span className="text-red-700"> · {failed} failed</span> : null}
      </p>
      {finished < total ? (
        <div className="mt-1">
          <ProgressBar
            value={items.reduce((sum, item) => sum + (working(item.status) ? item.progress : 100), 0) / total}
            label="All uploads"
          />
        </div>
      ) : null}
    </div>
  )
}

/**
 * Drop files, a folder's worth of them, or a .zip; they go up in as few requests as the
 * limits allow and each file's job is then followed live until it is added or refused.
 */
export function KnowledgeUploader({ tenantId, maxMb, onUploaded }: { tenantId: string; maxMb: number; onUploaded: () => void }) {
  const inputId = useId()
  const hintId = useId()
  const [dragging, setDragging] = useState(false)
  const queue = useUploadQueue(tenantId, maxMb, onUploaded)

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
          PDF, Word (.docx), Markdown, text, or a .zip of them · up to {maxMb} MB each · up to 500 at once
        </p>
        <label
          htmlFor={inputId}
          className="mt-3 cursor-pointer rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 shadow-sm focus-within:outline-2 focus-within:outline-indigo-600 hover:bg-stone-100"
        >
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
          <Summary items={queue.items} />
          <ul className="max-h-96 space-y-2 overflow-y-auto pr-1" aria-live="polite">
            {queue.items.map((item) => (
              <li
                key={item.key}
                className="rounded-lg border border-stone-200 bg-white px-3 py-2"
                data-testid="upload-item"
                data-status={item.status}
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="min-w-0 truncate text-sm font-medium text-stone-900">{item.name}</span>
                  <Badge tone={statusTone[item.status]}>{statusText[item.status]}</Badge>
                </div>
                {working(item.status) ? (
                  <div className="mt-2">
                    <ProgressBar value={item.progress} label={`${statusText[item.status]} ${item.name}`} />
                  </div>
                ) : null}
                {item.message ? (
                  <p className={`mt-1 text-sm ${item.status === 'failed' ? 'text-red-700' : 'text-stone-700'}`}>{item.message}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
