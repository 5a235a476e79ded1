import { withService } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { contentHash } from '@/lib/ingest'
import type { PreparedFile } from '@/lib/ingest/worker/protocol'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { findByHash } from '../documents'
import { embeddingText, headingWithinDocument, validKnowledgeInput, type PreparedKnowledge } from '../prepare'
import { asJobCreator, creatorMayWrite, type JobContext } from './context'
import { embedTexts } from './embed'
import { completeJob, holdJob, reportProgress, type IngestOptions, type JobRow } from './job-store'
import { LostJob } from './lost-job'

/*
 * One uploaded file: read its stored original, extract and chunk it in a worker, embed
 * the chunks, then store the document, its chunks and the job's completion in one
 * transaction. Until that commits, nothing of the document exists; after, all of it.
 */

const EXTRACTED = 25
const EMBEDDED = 90

async function progress(context: JobContext, job: JobRow, status: 'extracting' | 'embedding', value: number): Promise<void> {
  if (!(await withService(context.db, (tx) => reportProgress(tx, job, status, value)))) throw new LostJob(job.id)
}

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
  })
  return {
    input,
    contentHash: contentHash(input.content),
    model,
    tokenCount: file.chunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0),
    chunks: file.chunks.map((chunk, position) => ({
      index: chunk.index,
      heading: headingWithinDocument(file.title, chunk.heading),
      content: chunk.content,
      tokenCount: chunk.tokenCount,
      embedding: vectors[position] ?? null,
    })),
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
  const file = await context.pool.run(
    { type: 'extract', filename: fileName, bytes: original.bytes, maxBytes: context.maxFileBytes, limits: context.limits },
    fileName,
  )
  if (file.chunks.length === 0) throw new AppError('unprocessable', `${fileName} contains no text to index.`)

  // The same text already stored: nothing to embed, and nothing is stored twice. Else the
  // job moves on to embedding in the same transaction.
  const existing = await withService(context.db, async (tx) => {
    const stored = await findByHash(tx, job.tenant_id, contentHash(file.text))
    if (!stored && !(await reportProgress(tx, job, 'embedding', EXTRACTED))) throw new LostJob(job.id)
    return stored
  })
  if (existing) return finishDuplicate(context, job, existing.id, originalId)

  const texts = file.chunks.map((chunk) => embeddingText(headingWithinDocument(file.title, chunk.heading), chunk.content))
  // After the last batch the transaction that stores the document follows at once.
  const vectors = await embedTexts(context, texts, async (share) => {
    if (share < 1) await progress(context, job, 'embedding', EXTRACTED + share * (EMBEDDED - EXTRACTED))
  })
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
