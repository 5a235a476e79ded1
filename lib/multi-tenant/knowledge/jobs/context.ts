import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { defaultEmbedder } from '@/lib/ai/env-config'
import { withService, type Database, type Queryable } from '@/lib/db'
import { config } from '@/lib/env'
import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from '@/lib/ingest/limits'
import type { WorkerPool } from '@/lib/ingest/worker/pool'
import { ingestPool } from '@/lib/ingest/worker/shared-pool'
import { perFileLimitBytes } from '../upload-limits'
import { configuredOriginals } from './original-store'
import type { OriginalStore } from './originals'

/** What a job needs from the process: the database, the workers, the embedder, where originals live. */
export type JobContext = {
  db: Database
  pool: WorkerPool
  embedder: EmbeddingProvider
  originals: OriginalStore
  limits: ExtractionLimits
  maxFileBytes: number
}

export type JobContextOptions = Partial<Omit<JobContext, 'db'>> & { db: Database }

export function jobContext(options: JobContextOptions): JobContext {
  return {
    pool: options.pool ?? ingestPool(),
    embedder: options.embedder ?? defaultEmbedder(),
    originals: options.originals ?? configuredOriginals(),
    limits: options.limits ?? DEFAULT_EXTRACTION_LIMITS,
    maxFileBytes: options.maxFileBytes ?? perFileLimitBytes(config().UPLOAD_MAX_MB),
    db: options.db,
  }
}

/**
 * A runner transaction (withService: the runner is a system task) that acts for the
 * person who enqueued the job: auth.uid() is theirs, so created_by and the audit trail
 * name them, and the caller checks they may still do what they asked.
 */
export function asJobCreator<T>(db: Database, createdBy: string | null, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return withService(db, async (tx) => {
    await tx.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(createdBy ? { sub: createdBy } : {})])
    return fn(tx)
  })
}

/** Whether the job's creator (see asJobCreator) is still an admin of the tenant or a platform admin. */
export async function creatorMayWrite(tx: Queryable, tenantId: string): Promise<boolean> {
  const [row] = await tx.query<{ allowed: boolean }>(
    "select (app_private.is_platform_admin() or app_private.is_tenant_member($1, 'admin')) as allowed",
    [tenantId],
  )
  return row?.allowed === true
}
