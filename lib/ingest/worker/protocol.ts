import type { Chunk } from '../chunk'
import type { DocumentFormat } from '../file-types'
import type { ExtractionLimits } from '../limits'

/* What the main thread asks an ingest worker for, and what comes back. */

export type ExtractTask = { type: 'extract'; filename: string; bytes: Uint8Array; maxBytes: number; limits: ExtractionLimits }
export type EmbedTask = { type: 'embed'; texts: string[] }
export type UnzipTask = { type: 'unzip'; filename: string; bytes: Uint8Array; limits: ExtractionLimits; maxFiles: number }
export type WorkerTask = ExtractTask | EmbedTask | UnzipTask

export type PreparedFile = {
  title: string
  text: string
  format: DocumentFormat
  pages?: number
  /** From Markdown front matter. */
  tags?: string[]
  chunks: Chunk[]
}

/** pgvector text per input text, padded to the column; null for a text without words. */
export type EmbeddedTexts = { model: string; vectors: (string | null)[] }

export type UnzippedFile = { name: string; bytes: Uint8Array }

export type TaskResult<T extends WorkerTask> = T extends ExtractTask ? PreparedFile : T extends EmbedTask ? EmbeddedTexts : UnzippedFile[]

export type WorkerRequest = { id: number; task: WorkerTask }
/** Progress is also the worker's sign of life: a task that stops reporting it can be stopped (see maxPageMs). */
export type WorkerProgress = { id: number; progress: { done: number; total: number } }

export type WorkerReply =
  WorkerProgress | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code: string; message: string } }
