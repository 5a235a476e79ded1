import path from 'node:path'
import { Bm25Index } from './bm25'
import { corpusFiles, type Corpus } from './corpora'
import {
  CONTENT_LANGUAGES,
  createBenchTenant,
  setContentLanguage,
  storedChunks,
  uploadFile,
  type BenchTenant,
  type StoredChunk,
  type BenchHandle,
} from './product'

/** A corpus loaded into its own tenant through the product's upload path, with its BM25 index. */
export type LoadedCorpus = {
  corpus: Corpus
  tenant: BenchTenant
  /** knowledge id -> the file's path in the corpus folder */
  documentOf: Map<string, string>
  chunks: Map<string, StoredChunk>
  bm25: Bm25Index
  files: number
  failed: string[]
  ms: number
}

export async function loadCorpus(db: BenchHandle, corpus: Corpus): Promise<LoadedCorpus> {
  const started = performance.now()
  const tenant = await createBenchTenant(db, `bench-${corpus.name}`, corpus.tenantName)
  // As the tenant's admin would set it before uploading: the content language decides stemming.
  await setContentLanguage(db, tenant, CONTENT_LANGUAGES[corpus.language])
  const files = await corpusFiles(corpus)
  const documentOf = new Map<string, string>()
  const failed: string[] = []
  for (const file of files) {
    // A browser sends the file's base name only; the folder is the bench's own bookkeeping.
    const result = await uploadFile(db, tenant, path.basename(file.path), file.bytes)
    if (result.status === 'created' && result.knowledgeId) documentOf.set(result.knowledgeId, file.path)
    else failed.push(`${file.path}: ${result.status}${result.error ? ` (${result.error})` : ''}`)
  }
  const stored = await storedChunks(db, tenant.id)
  const chunks = new Map(stored.map((chunk) => [chunk.chunkId, chunk]))
  const bm25 = new Bm25Index(
    corpus.language,
    stored.map((chunk) => ({ id: chunk.chunkId, text: chunk.content })),
  )
  return { corpus, tenant, documentOf, chunks, bm25, files: files.length, failed, ms: performance.now() - started }
}
