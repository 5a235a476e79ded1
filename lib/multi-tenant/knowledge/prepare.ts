import { isZeroVector, padToColumn, toPgVector, type EmbeddingProvider } from '@/lib/ai/embeddings'
import { AppError, parseOrBadRequest } from '@/lib/errors'
import { chunkText, contentHash, HEADING_PATH_SEPARATOR, indexableText } from '@/lib/ingest'
import { knowledgeInputSchema, type KnowledgeInput, type ValidKnowledgeInput } from './schema'

export type PreparedChunk = {
  index: number
  heading: string | null
  content: string
  tokenCount: number
  /** pgvector text, zero-padded to the column; null for a chunk without words (its cosine is undefined). */
  embedding: string | null
}

/** A document chunked and embedded, ready to be stored in one short transaction. */
export type PreparedKnowledge = {
  input: ValidKnowledgeInput
  contentHash: string
  model: string
  tokenCount: number
  chunks: PreparedChunk[]
}

export function validKnowledgeInput(input: KnowledgeInput): ValidKnowledgeInput {
  return parseOrBadRequest(knowledgeInputSchema, input, 'The document is not valid.')
}

/** The heading path travels with the chunk into the embedding, as it does into the tsvector. */
export function embeddingText(heading: string | null, content: string): string {
  return heading ? `${heading}\n\n${content}` : content
}

/**
 * The chunk's heading path without a first heading that only repeats the document's
 * title: the title is indexed and shown with every chunk already.
 */
export function headingWithinDocument(title: string, heading: string | undefined): string | null {
  if (!heading) return null
  const [first, ...rest] = heading.split(HEADING_PATH_SEPARATOR)
  if (first?.trim().toLowerCase() !== title.trim().toLowerCase()) return heading
  return rest.length > 0 ? rest.join(HEADING_PATH_SEPARATOR) : null
}

/** A vector as a `$n::extensions.vector` parameter; null for the zero vector. */
export function vectorParam(vector: readonly number[]): string | null {
  return isZeroVector(vector) ? null : toPgVector(padToColumn(vector))
}

export async function embedAll(embedder: EmbeddingProvider, texts: string[]): Promise<(string | null)[]> {
  const vectors = await embedder.embed(texts)
  if (vectors.length !== texts.length) {
    throw new AppError('unavailable', 'The embedding service returned the wrong number of vectors.')
  }
  return vectors.map(vectorParam)
}

/**
 * Validates, chunks and embeds a document without touching the database, so the
 * (possibly slow, remote) embedding happens outside any transaction.
 */
export async function prepareKnowledge(raw: KnowledgeInput, embedder: EmbeddingProvider): Promise<PreparedKnowledge> {
  const input = validKnowledgeInput(raw)
  const chunks = chunkText(indexableText(input.content))
  if (chunks.length === 0) throw new AppError('unprocessable', 'The document contains no text to index.')
  const embeddings = await embedAll(
    embedder,
    chunks.map((chunk) => embeddingText(headingWithinDocument(input.title, chunk.heading), chunk.content)),
  )
  return {
    input,
    contentHash: contentHash(input.content),
    model: embedder.model,
    tokenCount: chunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0),
    chunks: chunks.map((chunk, position) => ({
      index: chunk.index,
      heading: headingWithinDocument(input.title, chunk.heading),
      content: chunk.content,
      tokenCount: chunk.tokenCount,
      embedding: embeddings[position] ?? null,
    })),
  }
}
