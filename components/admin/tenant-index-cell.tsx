'use client'

import { useEffect, useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { formatNumber } from '@/lib/client/format'
import { fetchIndexState } from '@/lib/client/knowledge-jobs'
import type { IndexState } from '@/lib/contracts/knowledge-jobs'

/** The tenant's search index: passages, how many wait for re-embedding, and a re-embedding under way. */
export function TenantIndexCell({ tenantId }: { tenantId: string }) {
  const [state, setState] = useState<IndexState | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    fetchIndexState(tenantId)
      .then(setState)
      .catch(() => setFailed(true))
  }, [tenantId])

  if (failed) return <span className="text-stone-600">unavailable</span>
  if (!state) return <span className="text-stone-600">…</span>
  const job = state.job
  const running = job?.status === 'queued' || job?.status === 'embedding'
  return (
    <div className="min-w-[10rem]" data-testid="tenant-index">
      <span className="tabular-nums">{formatNumber(state.chunks)} passages</span>
      <span className="mt-1 flex flex-wrap items-center gap-1">
        {state.pendingChunks === 0 ? (
          <Badge tone="green">up to date</Badge>
        ) : (
          <Badge tone="amber">{formatNumber(state.pendingChunks)} pending</Badge>
        )}
        {running ? <Badge tone="sky">re-embedding {job.progress}%</Badge> : null}
        {job?.status === 'failed' ? <Badge tone="red">re-index failed</Badge> : null}
      </span>
      <span className="mt-0.5 block font-mono text-xs text-stone-600">{state.model}</span>
    </div>
  )
}
