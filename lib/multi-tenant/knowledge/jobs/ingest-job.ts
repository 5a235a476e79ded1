import { withService } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { contentHash } from '@/lib/ingest'
import type { PreparedFile } from '@/lib/ingest/worker/protocol'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { findByHash } from '../documents'
import { validKnowledgeInput, type PreparedKnowledge } from '../prepare'
import { asJobCreator, creatorMayWrite, type JobContext } from './context'
import { completeJob, holdJob, reportProgress, type IngestOptions, type JobRow } from './job-store'
import { LostJob } from './lost-job'
import { chunkEmbeddingTexts, embedChunks, EXTRACTED, extractOriginal, preparedChunks, tokenTotal } from './file-stages'

/*
 * One uploaded file: read its stored original, extract and chunk it in a worker, embed
 * the chunks, then store the document, its chunks and the job's completion in one
 * transaction. Until that commits, nothing of the document exists; after, all of it.
 */

function knowledgeFrom(job: JobRow, file: PreparedFile, model: string, vectors: (string | null)[]): PreparedKnowledge {
  const options = job.options as IngestOptions
  const input = validKnowledgeInput({
    title: file.title.slice(0, 300),
    content: file.text,
    sourceType: file.format,
    filename: job.file_name,
    category: options.category ?? null,
    tags: [...(options.tags ?? []), ...(file.tags ?? [])].slice(0, 50),
    elemental_tags: (options.elemental_tags ?? []) as PreparedKnowledge['input']['elemental_tags'],
    collection_id: options.collection_id ?? null,
  })
  return {
    input,
    contentHash: contentHash(input.content),
    model,
    tokenCount: tokenTotal(file),
    chunks: preparedChunks(file.title, file, vectors),
  }
}

async function finishDuplicate(context: JobContext, job: JobRow, documentId: string, originalId: string): Promise<void> {
  await withService(context.db, async (tx) => {
    if (!(await holdJob(tx, job))) throw new LostJob(job.id)
    await context.originals.remove(tx, job.tenant_id, originalId)
    await completeJob(tx, job, documentId, true)
  })
}

export async function runIngestJob(context: JobContext, job: JobRow): Promise<void> {
  const originalId = job.original_id
  const original = originalId ? await withService(context.db, (tx) => context.originals.read(tx, job.tenant_id, originalId)) : null
  if (!original || !originalId) throw new AppError('not_found', 'The uploaded file is no longer stored; upload it again.')
  const fileName = job.file_name ?? original.fileName
  const file = await extractOriginal(context, fileName, original.bytes)

  // The same text already stored: nothing to embed, and nothing is stored twice. Else the
  // job moves on to embedding in the same transaction.
  const existing = await withService(context.db, async (tx) => {
    const stored = await findByHash(tx, job.tenant_id, contentHash(file.text))
    if (!stored && !(await reportProgress(tx, job, 'embedding', EXTRACTED))) throw new LostJob(job.id)
    return stored
  })
  if (existing) return finishDuplicate(context, job, existing.id, originalId)

  const vectors = await embedChunks(context, job, chunkEmbeddingTexts(file.title, file))
  const knowledge = knowledgeFrom(job, file, context.embedder.model, vectors)

  await asJobCreator(context.db, job.created_by, async (tx) => {
    if (!(await holdJob(tx, job))) throw new LostJob(job.id)
    if (!(await creatorMayWrite(tx, job.tenant_id))) {
      throw new AppError('forbidden', 'Whoever uploaded this file may no longer add knowledge to this tenant.')
    }
    const stored = await new TenantKnowledgeBase(job.tenant_id, tx, { embedder: context.embedder }).addKnowledge(knowledge)
    if (stored.duplicate) await context.originals.remove(tx, job.tenant_id, originalId)
    else await context.originals.linkToDocument(tx, job.tenant_id, originalId, stored.id)
    await completeJob(tx, job, stored.id, stored.duplicate)
  })
}
