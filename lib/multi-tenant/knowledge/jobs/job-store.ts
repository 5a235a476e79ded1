import type { KnowledgeJob } from '@/lib/contracts/knowledge-jobs'
import type { Queryable } from '@/lib/db'

/*
 * The SQL of public.knowledge_jobs (migration 20261201003100_knowledge_jobs.sql). Reads
 * and enqueueing run in the caller's transaction under RLS; claiming, progress and
 * finishing are the runner's, under withService, always fenced by the attempt number
 * the runner claimed the job with.
 */

export type JobKind = 'ingest' | 'reindex' | 'reextract' | 'export'

/** Upload fields an ingest job applies to the document it makes. */
export type IngestOptions = { category: string | null; tags: string[]; elemental_tags: string[]; collection_id?: string | null }

export type JobRow = {
  id: string
  tenant_id: string
  kind: JobKind
  status: KnowledgeJob['status']
  progress: number
  file_name: string | null
  original_id: string | null
  options: IngestOptions | Record<string, never>
  document_id: string | null
  duplicate: boolean
  error_code: string | null
  error_message: string | null
  attempts: number
  max_attempts: number
  created_by: string | null
  created_at: Date | string
  updated_at: Date | string
}

const COLUMNS = `id, tenant_id, kind, status, progress, file_name, original_id, options, document_id, duplicate,
  error_code, error_message, attempts, max_attempts, created_by, created_at, updated_at`

/** A claimed job is the runner's for this long; progress renews it. */
export const LEASE_SECONDS = 120

/** A document's job as the knowledge routes show it; export jobs never reach here (getJob and listJobs leave them out). */
export function toJob(row: JobRow): KnowledgeJob {
  if (row.kind === 'export') throw new Error(`job ${row.id} is an export, not a document's job`)
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    status: row.status,
    progress: row.progress,
    ...(row.document_id ? { documentId: row.document_id } : {}),
    ...(row.duplicate ? { duplicate: true } : {}),
    ...(row.error_code ? { error: { code: row.error_code, message: row.error_message ?? '' } } : {}),
    attempts: row.attempts,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

export async function insertIngestJob(
  tx: Queryable,
  tenantId: string,
  fileName: string,
  originalId: string,
  options: IngestOptions,
): Promise<JobRow> {
  const rows = await tx.query<JobRow>(
    `insert into public.knowledge_jobs (tenant_id, kind, file_name, original_id, options)
     values ($1, 'ingest', $2, $3, $4::text::jsonb) returning ${COLUMNS}`,
    [tenantId, fileName, originalId, JSON.stringify(options)],
  )
  return rows[0] as JobRow
}

/** The tenant's running or queued re-embedding, or a new one. */
export async function ensureReindexJob(tx: Queryable, tenantId: string): Promise<JobRow> {
  const active = await activeReindexJob(tx, tenantId)
  if (active) return active
  const rows = await tx.query<JobRow>(
    `insert into public.knowledge_jobs (tenant_id, kind) values ($1, 'reindex')
     on conflict (tenant_id) where kind = 'reindex' and status in ('queued', 'extracting', 'embedding') do nothing
     returning ${COLUMNS}`,
    [tenantId],
  )
  return rows[0] ?? ((await activeReindexJob(tx, tenantId)) as JobRow)
}

async function activeReindexJob(tx: Queryable, tenantId: string): Promise<JobRow | null> {
  const rows = await tx.query<JobRow>(
    `select ${COLUMNS} from public.knowledge_jobs
      where tenant_id = $1 and kind = 'reindex' and status in ('queued', 'extracting', 'embedding')`,
    [tenantId],
  )
  return rows[0] ?? null
}

/** The document's queued or running re-extraction, or a new one (`fileName`: its original's, for the jobs list). */
export async function ensureReextractJob(tx: Queryable, tenantId: string, documentId: string, fileName: string): Promise<JobRow> {
  const active = () =>
    tx.query<JobRow>(
      `select ${COLUMNS} from public.knowledge_jobs
        where tenant_id = $1 and document_id = $2 and kind = 'reextract' and status in ('queued', 'extracting', 'embedding')`,
      [tenantId, documentId],
    )
  const [running] = await active()
  if (running) return running
  const rows = await tx.query<JobRow>(
    `insert into public.knowledge_jobs (tenant_id, kind, file_name, document_id) values ($1, 'reextract', $2, $3)
     on conflict (tenant_id, document_id) where kind = 'reextract' and status in ('queued', 'extracting', 'embedding') do nothing
     returning ${COLUMNS}`,
    [tenantId, fileName, documentId],
  )
  return rows[0] ?? ((await active())[0] as JobRow)
}

/** The latest re-embedding of the tenant, running or finished. */
export async function latestReindexJob(tx: Queryable, tenantId: string): Promise<JobRow | null> {
  const rows = await tx.query<JobRow>(
    `select ${COLUMNS} from public.knowledge_jobs where tenant_id = $1 and kind = 'reindex'
      order by created_at desc limit 1`,
    [tenantId],
  )
  return rows[0] ?? null
}

/** The latest job that made or re-extracted the document. */
export async function latestDocumentJob(tx: Queryable, tenantId: string, documentId: string): Promise<JobRow | null> {
  const rows = await tx.query<JobRow>(
    `select ${COLUMNS} from public.knowledge_jobs where tenant_id = $1 and document_id = $2
      order by updated_at desc, created_at desc limit 1`,
    [tenantId, documentId],
  )
  return rows[0] ?? null
}

export async function getJob(tx: Queryable, tenantId: string, id: string): Promise<JobRow | null> {
  // Export jobs are the export feature's (tenant_exports); the knowledge routes show documents' jobs.
  const rows = await tx.query<JobRow>(
    `select ${COLUMNS} from public.knowledge_jobs where tenant_id = $1 and id = $2 and kind <> 'export'`,
    [tenantId, id],
  )
  return rows[0] ?? null
}

/** Most recently changed first; `since` keeps only those changed after it (the event stream's cursor). */
export function listJobs(tx: Queryable, tenantId: string, limit: number, since?: string): Promise<JobRow[]> {
  return tx.query<JobRow>(
    `select ${COLUMNS} from public.knowledge_jobs
      where tenant_id = $1 and kind <> 'export' and ($3::timestamptz is null or updated_at > $3::timestamptz)
      order by updated_at desc, id limit $2`,
    [tenantId, limit, since ?? null],
  )
}

/**
 * Takes the oldest runnable job: queued and due, or in flight under a lease that ran out
 * (its runner died). Each claim is a new attempt; a job out of attempts is failed instead.
 */
export async function claimJob(tx: Queryable): Promise<JobRow | null> {
  const rows = await tx.query<JobRow>(
    `update public.knowledge_jobs j
        set status = case when j.kind = 'reindex' then 'embedding' else 'extracting' end,
            attempts = j.attempts + 1, progress = least(j.progress, 5), error_code = null, error_message = null,
            lease_until = now() + make_interval(secs => $1)
      where j.id = (
        select id from public.knowledge_jobs
         where (status = 'queued' and run_after <= now())
            or (status in ('extracting', 'embedding') and lease_until < now())
         order by run_after, created_at
         limit 1
         for update skip locked)
      returning ${COLUMNS}`,
    [LEASE_SECONDS],
  )
  return rows[0] ?? null
}

/**
 * Fails in-flight jobs whose lease ran out on their last attempt (nobody will take them
 * again) and deletes their originals in the same statement, giving back their storage.
 */
export async function failAbandonedJobs(tx: Queryable): Promise<JobRow[]> {
  return tx.query<JobRow>(
    `with abandoned as (
       update public.knowledge_jobs
          set status = 'failed', error_code = 'unavailable', finished_at = now(), lease_until = null,
              error_message = 'The server stopped while working on this file, ' || attempts || ' times; it was given up.'
        where status in ('extracting', 'embedding') and lease_until < now() and attempts >= max_attempts
        returning ${COLUMNS}),
     released as (
       delete from public.tenant_knowledge_originals o using abandoned a
        where o.tenant_id = a.tenant_id and o.id = a.original_id and o.knowledge_id is null)
     select * from abandoned`,
  )
}

/** Every in-flight job's lease ends now: used at start by the embedded database's only process, whose previous run died. */
export async function expireLeases(tx: Queryable): Promise<void> {
  await tx.query(`update public.knowledge_jobs set lease_until = now() - interval '1 second' where status in ('extracting', 'embedding')`)
}

/** Moves a job on and renews its lease; false when the job is no longer this attempt's. */
export async function reportProgress(tx: Queryable, job: JobRow, status: 'extracting' | 'embedding', progress: number): Promise<boolean> {
  const rows = await tx.query(
    `update public.knowledge_jobs set status = $3, progress = $4, lease_until = now() + make_interval(secs => $5)
      where id = $1 and attempts = $2 and status in ('extracting', 'embedding') returning id`,
    [job.id, job.attempts, status, Math.round(progress), LEASE_SECONDS],
  )
  return rows.length === 1
}

/** Locks the job for the transaction that finishes it; false when it is no longer this attempt's. */
export async function holdJob(tx: Queryable, job: JobRow): Promise<boolean> {
  const rows = await tx.query(
    `select id from public.knowledge_jobs where id = $1 and attempts = $2 and status in ('extracting', 'embedding') for update`,
    [job.id, job.attempts],
  )
  return rows.length === 1
}

export async function completeJob(tx: Queryable, job: JobRow, documentId: string | null, duplicate: boolean): Promise<void> {
  await tx.query(
    `update public.knowledge_jobs set status = 'done', progress = 100, document_id = $2, duplicate = $3,
            finished_at = now(), lease_until = null where id = $1`,
    [job.id, documentId, duplicate],
  )
}

/** Fails the job for good, or (retryAfterSeconds) puts it back in the queue for later. */
export async function failJob(
  tx: Queryable,
  job: JobRow,
  error: { code: string; message: string },
  retryAfterSeconds: number | null,
): Promise<boolean> {
  const rows = await tx.query(
    `update public.knowledge_jobs
        set status = case when $4::float8 is null then 'failed' else 'queued' end,
            run_after = case when $4::float8 is null then run_after else now() + make_interval(secs => $4::float8) end,
            error_code = $2, error_message = $3, lease_until = null,
            finished_at = case when $4::float8 is null then now() else null end
      where id = $1 and attempts = $5 and status in ('extracting', 'embedding') returning id`,
    [job.id, error.code, error.message, retryAfterSeconds, job.attempts],
  )
  return rows.length === 1
}
