'use client'

import { useEffect, useState } from 'react'
import { Button } from '@/components/ui/button'
import { errorMessage } from '@/lib/client/api-error'
import { fetchKnowledgeJob, startReextract } from '@/lib/client/knowledge-jobs'
import type { KnowledgeJob } from '@/lib/contracts/knowledge-jobs'

const POLL_MS = 1000

const inFlight = (job: KnowledgeJob | null) => job !== null && job.status !== 'done' && job.status !== 'failed'

/**
 * Reads a document again from its stored original; follows the job until it ends, then
 * `onDone` reloads the list (the passages may have changed).
 */
export function ReextractButton({ tenantId, id, title, onDone }: { tenantId: string; id: string; title: string; onDone: () => void }) {
  const [job, setJob] = useState<KnowledgeJob | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)

  useEffect(() => {
    if (!job || !inFlight(job)) return
    const timer = setTimeout(() => {
      fetchKnowledgeJob(tenantId, job.id)
        .then((next) => {
          setJob(next)
          if (next.status === 'done') onDone()
        })
        .catch((cause: unknown) => setError(errorMessage(cause)))
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [job, tenantId, onDone])

  async function start() {
    setStarting(true)
    setError(null)
    try {
      setJob(await startReextract(tenantId, id))
    } catch (cause) {
      setError(errorMessage(cause))
    } finally {
      setStarting(false)
    }
  }

  const failure = error ?? (job?.status === 'failed' ? (job.error?.message ?? 'The re-extraction failed.') : null)
  return (
    <span className="flex items-center gap-2">
      {inFlight(job) ? <span className="text-xs text-stone-600">Re-extracting… {job?.progress}%</span> : null}
      {job?.status === 'done' ? <span className="text-xs text-green-800">Re-extracted</span> : null}
      {failure ? (
        <span className="text-xs text-red-700" role="alert">
          {failure}
        </span>
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        busy={starting}
        disabled={inFlight(job)}
        onClick={() => void start()}
        aria-label={`Re-extract ${title} from its original`}
      >
        Re-extract
      </Button>
    </span>
  )
}
