import { withService } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { contentHash } from '@/lib/ingest'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { documentTitle, findByHash } from '../documents'
import { replaceDocumentText } from '../store'
import { asJobCreator, creatorMayWrite, type JobContext } from './context'
import { chunkEmbeddingTexts, embedChunks, EXTRACTED, extractOriginal, preparedChunks, tokenTotal } from './file-stages'
import { completeJob, holdJob, reportProgress, type JobRow } from './job-store'
import { LostJob } from './lost-job'

/*
 * A document read again from its stored original (after an extractor improvement, say):
 * extracted and chunked in a worker, embedded, then its text and chunks replaced in the
 * one transaction that finishes the job. Until then search keeps the old chunks; a
 * failure leaves the document as it was. The document keeps its title, tags and original.
 */

const GONE = 'The document or its stored original no longer exists.'

export async function runReextractJob(context: JobContext, job: JobRow): Promise<void> {
  const documentId = job.document_id
  if (!documentId) throw new AppError('not_found', GONE)
  const source = await withService(context.db, async (tx) => {
    const title = await documentTitle(tx, job.tenant_id, documentId)
    const original = title === null ? null : await context.originals.readForDocument(tx, job.tenant_id, documentId)
    return title !== null && original ? { title, original } : null
  })
  if (!source) throw new AppError('not_found', GONE)
  const file = await extractOriginal(context, source.original.fileName, source.original.bytes)
  if (!(await withService(context.db, (tx) => reportProgress(tx, job, 'embedding', EXTRACTED)))) throw new LostJob(job.id)
  const vectors = await embedChunks(context, job, chunkEmbeddingTexts(source.title, file))
  const hash = contentHash(file.text)

  await asJobCreator(context.db, job.created_by, async (tx) => {
    if (!(await holdJob(tx, job))) throw new LostJob(job.id)
    if (!(await creatorMayWrite(tx, job.tenant_id))) {
      throw new AppError('forbidden', 'Whoever asked for this re-extraction may no longer change knowledge of this tenant.')
    }
    const twin = await findByHash(tx, job.tenant_id, hash)
    if (twin && twin.id !== documentId) {
      throw new AppError('conflict', `The re-extracted text of ${source.original.fileName} is already the document "${twin.title}".`)
    }
    const replaced = await replaceDocumentText(tx, job.tenant_id, documentId, {
      content: file.text,
      contentHash: hash,
      tokenCount: tokenTotal(file),
      model: context.embedder.model,
      chunks: preparedChunks(source.title, file, vectors),
    })
    if (!replaced) throw new AppError('not_found', GONE)
    await recordAudit(tx, {
      tenantId: job.tenant_id,
      action: 'knowledge.reextract',
      targetType: 'knowledge',
      targetId: documentId,
      before: replaced.before,
      after: { ...replaced.after, embeddingModel: context.embedder.model, jobId: job.id },
    })
    await completeJob(tx, job, documentId, false)
  })
}
