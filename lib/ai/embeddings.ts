import { AppError } from '@/lib/errors'

/** Turns texts into vectors; one instance speaks for one model. */
export interface EmbeddingProvider {
  readonly model: string
  /** The length of every vector `embed` returns. */
  readonly dimensions: number
  /** One vector per text, in the order of `texts`. */
  embed(texts: string[]): Promise<number[][]>
}

/** The width of the `vector` column in the database. */
export const EMBEDDING_COLUMN_DIMENSIONS = 1536

/**
 * Zero-pads a vector to the column width, so models with fewer dimensions share
 * one column. Padding with zeros changes neither dot products nor norms, so
 * cosine similarity between two padded vectors is the same as between the
 * originals.
 */
export function padToColumn(vector: readonly number[]): number[] {
  if (vector.length > EMBEDDING_COLUMN_DIMENSIONS) {
    throw new AppError(
      'bad_request',
      `An embedding has ${vector.length} dimensions; the database holds at most ${EMBEDDING_COLUMN_DIMENSIONS}.`,
    )
  }
  const padded = vector.slice()
  for (let index = vector.length; index < EMBEDDING_COLUMN_DIMENSIONS; index += 1) padded.push(0)
  return padded
}

/** pgvector's text form, `[1,2,3]`, for a `$1::vector` parameter. */
export function toPgVector(vector: readonly number[]): string {
  for (const value of vector) {
    if (!Number.isFinite(value)) {
      throw new AppError('bad_request', 'An embedding holds a value that is not a finite number.')
    }
  }
  return `[${vector.join(',')}]`
}

/**
 * A text with no words at all embeds to the zero vector, whose cosine
 * similarity is undefined (pgvector returns NaN). Callers check this before
 * searching or storing.
 */
export function isZeroVector(vector: readonly number[]): boolean {
  return vector.every((value) => value === 0)
}
