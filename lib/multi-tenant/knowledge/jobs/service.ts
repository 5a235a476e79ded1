import type { IndexState, KnowledgeJob, UploadedFile } from '@/lib/contracts/knowledge-jobs'
import { withUser, type Database } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { Actor } from '@/lib/multi-tenant/access/actor'
import { loadTenantForAdmin } from '@/lib/multi-tenant/access/tenant-access'
import { isUuid } from '../documents'
import type { UploadForm } from '../upload'
import { jobContext, type JobContextOptions } from './context'
import { enqueueFiles } from './enqueue'
import { indexCounts } from './index-state'
import { ensureReindexJob, getJob, latestReindexJob, listJobs, toJob } from './job-store'
import type { OriginalFile } from './originals'
import { wakeJobRunner } from './process-runner'

/*
 * What the admin job routes do, each under the caller's RLS after loadTenantForAdmin
 * (404 for a tenant the caller cannot see, 403 for a member who is not its admin).
 */

type Options = Omit<JobContextOptions, 'db'>

export async function uploadFiles(db: Database, actor: Actor, tenantId: string, form: UploadForm, options: Options = {}): Promise<UploadedFile[]> {
  const results = await enqueueFiles(jobContext({ db, ...options }), actor, tenantId, form)
  wakeJobRunner()
  return results
}

export async function getKnowledgeJob(db: Database, actor: Actor, tenantId: string, jobId: string): Promise<KnowledgeJob> {
  return withUser(db, actor.claims, async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const row = isUuid(jobId) ? await getJob(tx, tenantId, jobId) : null
    if (!row) throw new AppError('not_found', 'No such job.')
    return toJob(row)
  })
}

/** Most recently changed first; with `since`, only jobs changed after it. */
export async function listKnowledgeJobs(db: Database, actor: Actor, tenantId: string, limit: number, since?: string): Promise<KnowledgeJob[]> {
  return withUser(db, actor.claims, async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    return (await listJobs(tx, tenantId, limit, since)).map(toJob)
  })
}

export async function requestReindex(db: Database, actor: Actor, tenantId: string): Promise<KnowledgeJob> {
  const job = await withUser(db, actor.claims, async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    return toJob(await ensureReindexJob(tx, tenantId))
  })
  wakeJobRunner()
  return job
}

export async function knowledgeIndexState(db: Database, actor: Actor, tenantId: string, model: string): Promise<IndexState> {
  return withUser(db, actor.claims, async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const counts = (await indexCounts(tx, model, [tenantId])).get(tenantId) ?? { chunks: 0, pendingChunks: 0 }
    const job = await latestReindexJob(tx, tenantId)
    return { model, ...counts, job: job ? toJob(job) : null }
  })
}

export async function downloadOriginal(db: Database, actor: Actor, tenantId: string, knowledgeId: string, options: Options = {}): Promise<OriginalFile> {
  const { originals } = jobContext({ db, ...options })
  return withUser(db, actor.claims, async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const original = isUuid(knowledgeId) ? await originals.readForDocument(tx, tenantId, knowledgeId) : null
    if (!original) throw new AppError('not_found', 'No stored file for this document (it was added as text, or does not exist).')
    return original
  })
}
