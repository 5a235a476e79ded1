import { Badge } from '@/components/ui/badge'
import { formatDateTime, formatNumber } from '@/lib/client/format'
import type { DocumentIndex } from '@/lib/contracts/knowledge'

const JOB_LABELS = { queued: 'Queued', extracting: 'Reading the file', embedding: 'Embedding', done: 'Done', failed: 'Failed' } as const
const KIND_LABELS = { ingest: 'Upload', reextract: 'Re-extraction', reindex: 'Re-index' } as const

/** Whether the document's passages are searchable by meaning now, and its latest job. */
export function DocumentIndexState({ index }: { index: DocumentIndex }) {
  const { job } = index
  return (
    <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
      <div>
        <dt className="text-stone-600">Embedding model</dt>
        <dd className="font-mono break-all text-stone-900">{index.model}</dd>
      </div>
      <div>
        <dt className="text-stone-600">Passages</dt>
        <dd className="flex flex-wrap items-center gap-2 text-stone-900 tabular-nums" data-testid="document-index">
          {formatNumber(index.chunks)}
          {index.pendingChunks === 0 ? (
            <Badge tone="green">Indexed</Badge>
          ) : (
            <Badge tone="amber">{formatNumber(index.pendingChunks)} found by words only</Badge>
          )}
        </dd>
      </div>
      <div>
        <dt className="text-stone-600">Latest job</dt>
        <dd className="text-stone-900" data-testid="document-job">
          {job ? (
            <span className="flex flex-wrap items-center gap-2">
              {KIND_LABELS[job.kind]}
              <Badge tone={job.status === 'failed' ? 'red' : job.status === 'done' ? 'green' : 'sky'}>
                {JOB_LABELS[job.status]}
                {job.status === 'extracting' || job.status === 'embedding' ? ` ${job.progress}%` : ''}
              </Badge>
              <span className="text-xs text-stone-600">{formatDateTime(job.updatedAt)}</span>
            </span>
          ) : (
            <span className="text-stone-600">None on record</span>
          )}
        </dd>
        {job?.error ? <p className="mt-1 text-xs text-red-800">{job.error.message}</p> : null}
      </div>
    </dl>
  )
}
