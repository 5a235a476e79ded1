'use client'

import { useCallback, useEffect, useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ProgressBar } from '@/components/ui/progress-bar'
import { errorMessage } from '@/lib/client/api-error'
import { formatNumber } from '@/lib/client/format'
import { fetchIndexState, startReindex } from '@/lib/client/knowledge-jobs'
import type { IndexState } from '@/lib/contracts/knowledge-jobs'

const POLL_MS = 1000

const running = (state: IndexState | null) => state?.job?.status === 'queued' || state?.job?.status === 'embedding'

/**
 * Which model the passages are embedded with, how many still carry another model's
 * vectors (found by their words only until then), and the Re-index action.
 */
export function KnowledgeIndex({ tenantId, version }: { tenantId: string; version: number }) {
  const [state, setState] = useState<IndexState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)

  const load = useCallback(() => {
    fetchIndexState(tenantId)
      .then((next) => {
        setState(next)
        setError(null)
      })
      .catch((cause: unknown) => setError(errorMessage(cause)))
  }, [tenantId])

  useEffect(load, [load, version])

  useEffect(() => {
    if (!running(state)) return
    const timer = setTimeout(load, POLL_MS)
    return () => clearTimeout(timer)
  }, [state, load])

  async function reindex() {
    setStarting(true)
    try {
      const job = await startReindex(tenantId)
      setState((current) => (current ? { ...current, job } : current))
      load()
    } catch (cause) {
      setError(errorMessage(cause))
    } finally {
      setStarting(false)
    }
  }

  const job = state?.job ?? null
  return (
    <div data-testid="knowledge-index">
      {state ? (
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-stone-600">Embedding model</dt>
            <dd className="font-mono text-stone-900">{state.model}</dd>
          </div>
          <div>
            <dt className="text-stone-600">Passages</dt>
            <dd className="tabular-nums text-stone-900">{formatNumber(state.chunks)}</dd>
          </div>
          <div>
            <dt className="text-stone-600">Waiting for re-embedding</dt>
            <dd className="flex items-center gap-2 tabular-nums text-stone-900" data-testid="pending-chunks">
              {formatNumber(state.pendingChunks)}
              {state.pendingChunks === 0 ? <Badge tone="green">Up to date</Badge> : <Badge tone="amber">Found by words only</Badge>}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="text-sm text-stone-600">{error ? null : 'Loading…'}</p>
      )}
      {running(state) && job ? (
        <div className="mt-4">
          <p className="mb-1 text-sm text-stone-700">Re-embedding… {job.progress}%</p>
          <ProgressBar value={job.progress} label="Re-embedding progress" />
        </div>
      ) : null}
      {job?.status === 'failed' ? <p className="mt-3 text-sm text-red-700">The last re-index failed: {job.error?.message}</p> : null}
      {error ? <p className="mt-3 text-sm text-red-700">{error}</p> : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button size="sm" variant="secondary" onClick={reindex} busy={starting} disabled={running(state)}>
          Re-index
        </Button>
        <p className="text-sm text-stone-600">Re-embeds every passage whose vectors come from another model than the one configured now.</p>
      </div>
    </div>
  )
}
