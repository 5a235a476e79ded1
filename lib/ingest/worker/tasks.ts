import { isZeroVector, padToColumn, toPgVector } from '@/lib/ai/embeddings'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { chunkText } from '../chunk'
import { extractText } from '../extract'
import { indexableText } from '../indexable'
import { formatByExtension } from '../file-types'
import { readZip } from '../zip'
import type { EmbeddedTexts, EmbedTask, ExtractTask, PreparedFile, UnzippedFile, UnzipTask } from './protocol'

/* The work an ingest worker does; plain functions, so tests can also call them directly. */

export async function extractTask(
  { filename, bytes, maxBytes, limits }: ExtractTask,
  onPage: (page: number, pages: number) => void = () => {},
): Promise<PreparedFile> {
  const document = await extractText({ filename, bytes, maxBytes, limits, onPage })
  return { ...document, chunks: chunkText(indexableText(document.text)) }
}

const embedder = new LocalEmbedder()

export async function embedTask({ texts }: EmbedTask): Promise<EmbeddedTexts> {
  const vectors = await embedder.embed(texts)
  return { model: embedder.model, vectors: vectors.map((vector) => (isZeroVector(vector) ? null : toPgVector(padToColumn(vector)))) }
}

// Folders' own metadata (macOS resource forks, hidden files) is not knowledge.
const isDocument = (name: string) => {
  const base = name.split('/').pop() ?? name
  return !name.startsWith('__MACOSX/') && !base.startsWith('.') && formatByExtension(base) !== undefined
}

/** The documents inside a .zip, within the limits; other entries are left inflated nowhere. */
export async function unzipTask({ filename, bytes, limits, maxFiles }: UnzipTask): Promise<UnzippedFile[]> {
  const entries = await readZip(filename, bytes, { ...limits, maxZipEntries: Math.max(limits.maxZipEntries, maxFiles) }, isDocument)
  return entries.slice(0, maxFiles).map((entry) => ({ name: entry.name, bytes: new Uint8Array(entry.bytes) }))
}
