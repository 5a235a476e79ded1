import type { IndexState, KnowledgeJob, UploadedFile } from '@/lib/contracts/knowledge-jobs'
import { assertCollection } from '../documents'
import type { KnowledgeDocumentDetails } from '@/lib/contracts/knowledge'
import { documentChunks, getDocument } from '../documents'
import { getDatabase, type Database } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'
import { loadTenantForAdmin } from '@/lib/multi-tenant/access'
import { isUuid } from '@/lib/contracts/ids'
import type { UploadForm } from '../upload'
import { jobContext, type JobContextOptions } from './context'
import { enqueueFiles } from './enqueue'
import { indexCounts } from './index-state'
import { ensureReextractJob, ensureReindexJob, getJob, latestDocumentJob, latestReindexJob, listJobs, toJob } from './job-store'
import type { OriginalFile } from './originals'
import { wakeJobRunner } from './process-runner'

/*
 * What the admin job routes do, each under the caller's RLS after loadTenantForAdmin
 * (404 for a tenant the caller cannot see, 403 for a member who is not its admin).
 */

// The process's database unless a test hands its own.
type Options = Omit<JobContextOptions, 'db'> & { db?: Database }

export async function uploadFiles(caller: Acting, tenantId: string, form: UploadForm, options: Options = {}): Promise<UploadedFile[]> {
  // A collection that is not the tenant's is the request's 404, before any file is stored.
  const collectionId = form.fields.collection_id
  if (collectionId) await caller.run((tx) => assertCollection(tx, tenantId, collectionId))
  const results = await enqueueFiles(jobContext({ ...options, db: options.db ?? (await getDatabase()) }), caller, tenantId, form)
  wakeJobRunner()
  return results
}

export async function getKnowledgeJob(caller: Acting, tenantId: string, jobId: string): Promise<KnowledgeJob> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const row = isUuid(jobId) ? await getJob(tx, tenantId, jobId) : null
    if (!row) throw new AppError('not_found', 'No such job.')
    return toJob(row)
  })
}

/** Most recently changed first; with `since`, only jobs changed after it. */
export async function listKnowledgeJobs(caller: Acting, tenantId: string, limit: number, since?: string): Promise<KnowledgeJob[]> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    return (await listJobs(tx, tenantId, limit, since)).map(toJob)
  })
}

export async function requestReindex(caller: Acting, tenantId: string): Promise<KnowledgeJob> {
  const job = await caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    return toJob(await ensureReindexJob(tx, tenantId))
  })
  wakeJobRunner()
  return job
}

export async function knowledgeIndexState(caller: Acting, tenantId: string, model: string): Promise<IndexState> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const counts = (await indexCounts(tx, model, [tenantId])).get(tenantId) ?? { chunks: 0, pendingChunks: 0 }
    const job = await latestReindexJob(tx, tenantId)
    return { model, ...counts, job: job ? toJob(job) : null }
  })
}

const noOriginal = () => new AppError('not_found', 'No stored file for this document (it was added as text, or does not exist).')

/** The bytes of a document's original, or where a store that serves files itself has signed it. */
export type OriginalDownload = { file: OriginalFile } | { signedUrl: string }

export async function downloadOriginal(
  caller: Acting,
  tenantId: string,
  knowledgeId: string,
  options: Options = {},
): Promise<OriginalDownload> {
  const { originals } = jobContext({ ...options, db: options.db ?? (await getDatabase()) })
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    if (!isUuid(knowledgeId)) throw noOriginal()
    if (originals.signedDownload) {
      const signedUrl = await originals.signedDownload(tx, tenantId, knowledgeId)
      if (signedUrl) return { signedUrl }
    }
    const file = await originals.readForDocument(tx, tenantId, knowledgeId)
    if (!file) throw noOriginal()
    return { file }
  })
}

/** Re-extracts a document from its stored original in the background; joins a re-extraction of it already under way. */
export async function requestReextract(
  caller: Acting,
  tenantId: string,
  knowledgeId: string,
  options: Options = {},
): Promise<KnowledgeJob> {
  const { originals } = jobContext({ ...options, db: options.db ?? (await getDatabase()) })
  const job = await caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const original = isUuid(knowledgeId) ? await originals.findForDocument(tx, tenantId, knowledgeId) : null
    if (!original) throw new AppError('not_found', 'No stored file for this document (it was added as text, or does not exist).')
    return toJob(await ensureReextractJob(tx, tenantId, knowledgeId, original.fileName))
  })
  wakeJobRunner()
  return job
}

/** A document with everything its dashboard page shows: text, passages, stored original and index state. */
export async function getKnowledgeDetails(
  caller: Acting,
  tenantId: string,
  knowledgeId: string,
  model: string,
  options: Options = {},
): Promise<KnowledgeDocumentDetails> {
  const { originals } = jobContext({ ...options, db: options.db ?? (await getDatabase()) })
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const document = await getDocument(tx, tenantId, knowledgeId)
    if (!document) throw new AppError('not_found', 'No such document.')
    const { chunks, pendingChunks } = await documentChunks(tx, tenantId, knowledgeId, model)
    const original = await originals.findForDocument(tx, tenantId, knowledgeId)
    const job = await latestDocumentJob(tx, tenantId, knowledgeId)
    return {
      document,
      chunks,
      original: original ? { fileName: original.fileName, mediaType: original.mediaType, byteSize: original.byteSize } : null,
      index: { model, chunks: chunks.length, pendingChunks, job: job ? toJob(job) : null },
    }
  })
}
