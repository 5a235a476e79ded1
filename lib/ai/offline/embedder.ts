import { EMBEDDING_COLUMN_DIMENSIONS, type EmbeddingProvider } from '@/lib/ai/embeddings'
import { isStopword, wordsOf } from '@/lib/ai/text-tokens'

/*
 * The offline embedder: a lexical vector built by feature hashing, so a fresh
 * install can index and search knowledge with no model and no network.
 *
 * Features of a text: its words, its adjacent word pairs (catch phrases like
 * "late fee"), and the character 3- and 4-grams of each word (catch shared
 * stems: "invoice" / "invoicing", and typos). Each feature's count is damped to
 * 1 + ln(tf) so one repeated word cannot dominate, weighted by its kind, then
 * added into one of `dimensions` buckets with a +/-1 sign chosen by a second
 * hash, which makes bucket collisions cancel out on average instead of piling
 * up. The result is L2-normalised, so cosine similarity is a dot product.
 */

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

// Whole words carry the most meaning; pairs are rarer and more specific;
// character grams are many per word, so each weighs less.
const WORD_WEIGHT = 1
const PAIR_WEIGHT = 0.7
const CHAR_GRAM_WEIGHT = 0.35

// murmur3's finaliser: spreads FNV's weak low bits before taking a bucket.
function mix(hash: number): number {
  let h = hash
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function fnvRange(seed: number, text: string, start: number, end: number): number {
  let h = seed
  for (let index = start; index < end; index += 1) {
    h ^= text.charCodeAt(index)
    h = Math.imul(h, FNV_PRIME)
  }
  return h >>> 0
}

// One seed per feature kind, so the word "ten" and the char gram "ten" differ.
const WORD_SEED = mix(FNV_OFFSET ^ 1)
const PAIR_SEED = mix(FNV_OFFSET ^ 2)
const GRAM_SEED = mix(FNV_OFFSET ^ 3)
const SIGN_SEED = 0x9e3779b9

// Keys are cut to 30 bits so V8 keeps them as small integers: Map lookups on
// them are several times faster than on heap-allocated doubles.
function count(counts: Map<number, number>, hash: number): void {
  const key = hash & 0x3fffffff
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

function featureWords(text: string): string[] {
  const words = wordsOf(text)
  const kept = words.filter((word) => !isStopword(word))
  // A question made only of glue words ("what is it?") still deserves a vector.
  return kept.length > 0 ? kept : words
}

export class LocalEmbedder implements EmbeddingProvider {
  readonly model = 'local-hash-v1'
  readonly dimensions = EMBEDDING_COLUMN_DIMENSIONS

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text))
  }

  /** Synchronous form for benchmarks and bulk ingest; same vectors as `embed`. */
  embedOne(text: string): number[] {
    const words = featureWords(text)
    const wordCounts = new Map<number, number>()
    const pairCounts = new Map<number, number>()
    const gramCounts = new Map<number, number>()

    let previousHash: number | undefined
    for (const word of words) {
      const wordHash = fnvRange(WORD_SEED, word, 0, word.length)
      count(wordCounts, mix(wordHash))
      if (previousHash !== undefined) {
        count(pairCounts, mix(Math.imul(previousHash ^ PAIR_SEED, FNV_PRIME) ^ wordHash))
      }
      previousHash = wordHash

      // Spaces mark the word's edges, so prefixes and suffixes become features.
      const padded = ` ${word} `
      for (let size = 3; size <= 4; size += 1) {
        for (let start = 0; start + size <= padded.length; start += 1) {
          count(gramCounts, mix(fnvRange(GRAM_SEED, padded, start, start + size)))
        }
      }
    }

    const vector = new Float64Array(this.dimensions)
    this.accumulate(vector, wordCounts, WORD_WEIGHT)
    this.accumulate(vector, pairCounts, PAIR_WEIGHT)
    this.accumulate(vector, gramCounts, CHAR_GRAM_WEIGHT)
    return normalise(vector)
  }

  private accumulate(vector: Float64Array, counts: Map<number, number>, weight: number): void {
    for (const [hash, tf] of counts) {
      const bucket = hash % this.dimensions
      const sign = mix(hash ^ SIGN_SEED) & 1 ? 1 : -1
      vector[bucket] = (vector[bucket] ?? 0) + sign * weight * (1 + Math.log(tf))
    }
  }
}

/** Unit length; a text without words stays the zero vector (see isZeroVector). */
function normalise(vector: Float64Array): number[] {
  let sumOfSquares = 0
  for (const value of vector) sumOfSquares += value * value
  const scale = sumOfSquares === 0 ? 0 : 1 / Math.sqrt(sumOfSquares)
  const unit = new Array<number>(vector.length)
  for (let index = 0; index < vector.length; index += 1) unit[index] = (vector[index] ?? 0) * scale
  return unit
}
