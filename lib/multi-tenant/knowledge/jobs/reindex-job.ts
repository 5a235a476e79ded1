import { withService, type Queryable } from '@/lib/db'
import { embeddingText } from '../prepare'
import { staleChunks, updateEmbeddings } from '../store'
import type { JobContext } from './context'
import { embedTexts } from './embed'
import { completeJob, holdJob, reportProgress, type JobRow } from './job-store'
import { LostJob } from './lost-job'

/*
 * Re-embeds a tenant's chunks whose vectors come from another model than the configured
 * one, a batch per transaction. Meanwhile search finds those chunks by their words (and
 * the re-embedded ones by vector too); a crash loses at most the batch in flight, and the
 * next attempt starts from the chunks still stale.
 */

const BATCH = 256

async function countStale(tx: Queryable, tenantId: string, model: string): Promise<number> {
  const [row] = await tx.query<{ stale: number }>(
    'select count(*)::int as stale from public.tenant_knowledge_chunks where tenant_id = $1 and embedding_model <> $2',
    [tenantId, model],
  )
  return row?.stale ?? 0
}

export async function runReindexJob(context: JobContext, job: JobRow): Promise<void> {
  const model = context.embedder.model
  const total = await withService(context.db, (tx) => countStale(tx, job.tenant_id, model))
  let done = 0
  for (;;) {
    const stale = await withService(context.db, (tx) => staleChunks(tx, job.tenant_id, model, BATCH))
    if (stale.length === 0) break
    const vectors = await embedTexts(
      context,
      stale.map((chunk) => embeddingText(chunk.heading, chunk.content)),
      async () => {},
    )
    done += stale.length
    await withService(context.db, async (tx) => {
      if (!(await holdJob(tx, job))) throw new LostJob(job.id)
      await updateEmbeddings(
        tx,
        job.tenant_id,
        model,
        stale.map((chunk) => chunk.id),
        vectors,
      )
      await reportProgress(tx, job, 'embedding', Math.min(99, (100 * done) / Math.max(total, done)))
    })
  }
  await withService(context.db, async (tx) => {
    if (!(await holdJob(tx, job))) throw new LostJob(job.id)
    await completeJob(tx, job, null, false)
  })
}
