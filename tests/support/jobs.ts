import type { z } from 'zod'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import type { Database } from '@/lib/db'
import { withService } from '@/lib/db'
import { WorkerPool } from '@/lib/ingest/worker/pool'
import { JobRunner } from '@/lib/multi-tenant/knowledge/jobs'
import type { KnowledgeJob, uploadAcceptedResponseSchema } from '@/lib/contracts/knowledge-jobs'

/* Runs knowledge jobs in tests the way the server does, on a pool of real worker threads. */

export function testPool(options: Partial<{ memoryMb: number; timeoutMs: number }> = {}): WorkerPool {
  return new WorkerPool({ size: 1, memoryMb: options.memoryMb ?? 256, timeoutMs: options.timeoutMs ?? 30_000 })
}

export async function runJobs(db: Database, pool: WorkerPool, embedder?: EmbeddingProvider): Promise<void> {
  await new JobRunner({ db, pool, ...(embedder ? { embedder } : {}) }).runUntilIdle()
}

/**
 * Starts this month's storage counter at `usedBytes`, so a test reaches a whole-megabyte
 * limit (limits are whole numbers) without uploading a megabyte.
 */
export async function fillStorage(db: Database, tenantId: string, usedBytes: number): Promise<void> {
  await withService(db, (tx) =>
    tx.query('insert into public.tenant_usage (tenant_id, period, storage_bytes) values ($1, app_private.current_usage_period(), $2)', [
      tenantId,
      usedBytes,
    ]),
  )
}

/** The storage counter next to what is really stored: equal when accounting is exact. */
export async function storageBalance(db: Database, tenantId: string): Promise<{ counted: number; stored: number }> {
  const [row] = await withService(db, (tx) =>
    tx.query<{ counted: number; stored: number }>(
      `select coalesce((select storage_bytes from public.tenant_usage where tenant_id = $1 order by period desc limit 1), 0)::float8 as counted,
              ((select coalesce(sum(byte_size), 0) from public.tenant_knowledge where tenant_id = $1)
             + (select coalesce(sum(byte_size), 0) from public.tenant_knowledge_originals where tenant_id = $1)
             + (select coalesce(sum(app_private.message_bytes(content, sources)), 0) from public.tenant_messages where tenant_id = $1)
             + (select coalesce(sum(app_private.message_bytes(content, sources)), 0) from public.tenant_end_user_messages where tenant_id = $1)
             )::float8 as stored`,
      [tenantId],
    ),
  )
  return { counted: Number(row?.counted), stored: Number(row?.stored) }
}

export type JobBody = { job: KnowledgeJob }
export type UploadBody = z.infer<typeof uploadAcceptedResponseSchema>
