import { defaultEmbedder } from '@/lib/ai/env-config'
import { getDatabase } from '@/lib/db'
import { enqueueStaleReindexes } from './index-state'
import { startJobRunner } from './process-runner'

/**
 * What the server does once at start: run knowledge jobs, and queue a re-embedding for
 * every tenant whose chunks were embedded by another model than the configured one (the
 * embedder was switched), so search by vector comes back without anyone asking.
 */
export async function startKnowledgeJobs(): Promise<void> {
  const db = await getDatabase()
  const runner = await startJobRunner(db)
  const model = defaultEmbedder().model
  const queued = await enqueueStaleReindexes(db, model)
  if (queued > 0) console.log(`[jobs] ${queued} tenant(s) hold vectors of another model than ${model}; re-embedding queued`)
  runner.wake()
}
