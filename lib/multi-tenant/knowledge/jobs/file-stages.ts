import { withService } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { PreparedFile } from '@/lib/ingest/worker/protocol'
import { embeddingText, headingWithinDocument, type PreparedChunk } from '../prepare'
import type { JobContext } from './context'
import { embedTexts } from './embed'
import { reportProgress, type JobRow } from './job-store'
import { LostJob } from './lost-job'

/*
 * The stages a file goes through in a job, shared by ingesting an upload and
 * re-extracting a document: extraction in a worker (progress 0..25), embedding its chunks
 * (25..90), then the job's own transaction that stores the result.
 */

export const EXTRACTED = 25
const EMBEDDED = 90

export async function extractOriginal(context: JobContext, fileName: string, bytes: Uint8Array): Promise<PreparedFile> {
  const file = await context.pool.run(
    { type: 'extract', filename: fileName, bytes, maxBytes: context.maxFileBytes, limits: context.limits },
    fileName,
  )
  if (file.chunks.length === 0) throw new AppError('unprocessable', `${fileName} contains no text to index.`)
  return file
}

/** The text each chunk is embedded from, in order: its heading path within the document `title`, then its content. */
export function chunkEmbeddingTexts(title: string, file: PreparedFile): string[] {
  return file.chunks.map((chunk) => embeddingText(headingWithinDocument(title, chunk.heading), chunk.content))
}

export function preparedChunks(title: string, file: PreparedFile, vectors: (string | null)[]): PreparedChunk[] {
  return file.chunks.map((chunk, position) => ({
    index: chunk.index,
    heading: headingWithinDocument(title, chunk.heading),
    content: chunk.content,
    tokenCount: chunk.tokenCount,
    embedding: vectors[position] ?? null,
  }))
}

export function tokenTotal(file: PreparedFile): number {
  return file.chunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0)
}

/** Pgvector text per chunk; progress after each batch but the last, which the storing transaction follows at once. */
export function embedChunks(context: JobContext, job: JobRow, texts: string[]): Promise<(string | null)[]> {
  return embedTexts(context, texts, async (share) => {
    if (share >= 1) return
    const moved = await withService(context.db, (tx) => reportProgress(tx, job, 'embedding', EXTRACTED + share * (EMBEDDED - EXTRACTED)))
    if (!moved) throw new LostJob(job.id)
  })
}
