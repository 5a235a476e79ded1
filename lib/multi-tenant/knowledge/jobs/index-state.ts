import { withService, type Database, type Queryable } from '@/lib/db'
import { ensureReindexJob } from './job-store'

export type IndexCounts = { chunks: number; pendingChunks: number }

/** Chunks per tenant and how many of them are embedded by another model than `model`; RLS decides which tenants show. */
export async function indexCounts(tx: Queryable, model: string, tenantIds?: string[]): Promise<Map<string, IndexCounts>> {
  const rows = await tx.query<{ tenant_id: string; chunks: number; pending: number }>(
    `select tenant_id, count(*)::int as chunks, (count(*) filter (where embedding_model <> $1))::int as pending
       from public.tenant_knowledge_chunks
      where $2::uuid[] is null or tenant_id = any ($2::uuid[])
      group by tenant_id`,
    [model, tenantIds ?? null],
  )
  return new Map(rows.map((row) => [row.tenant_id, { chunks: row.chunks, pendingChunks: row.pending }]))
}

/**
 * At start: every tenant with chunks of another model than the configured one gets a
 * re-embedding job (one per tenant at most), so switching the embedder needs nothing
 * but the change of environment. A system task, hence withService.
 */
export async function enqueueStaleReindexes(db: Database, model: string): Promise<number> {
  return withService(db, async (tx) => {
    const stale = await tx.query<{ tenant_id: string }>(
      'select distinct tenant_id from public.tenant_knowledge_chunks where embedding_model <> $1',
      [model],
    )
    for (const { tenant_id: tenantId } of stale) await ensureReindexJob(tx, tenantId)
    return stale.length
  })
}
