/*
 * Synthetic retrieval data for bench/retrieval.ts: tenants with Zipf-distributed sizes
 * whose 1536-dimension vectors cluster around topics drawn from one shared pool, so
 * small tenants share their neighbourhoods with big ones (the case where an HNSW scan
 * that post-filters by tenant loses recall).
 */

export const DIMENSIONS = 1536

/** mulberry32: small, fast, seedable; the same seed gives the same data set. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}

/** Sizes proportional to 1/rank (Zipf, s = 1) that add up to `total`; every tenant gets at least one. */
export function zipfSizes(total: number, tenants: number): number[] {
  const weights = Array.from({ length: tenants }, (_, index) => 1 / (index + 1))
  const sum = weights.reduce((a, b) => a + b, 0)
  const sizes = weights.map((weight) => Math.max(1, Math.floor((weight / sum) * total)))
  let missing = total - sizes.reduce((a, b) => a + b, 0)
  for (let index = 0; missing > 0; index = (index + 1) % tenants, missing -= 1) sizes[index] = (sizes[index] ?? 0) + 1
  return sizes
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0
  for (const value of vector) norm += value * value
  const scale = 1 / Math.sqrt(norm)
  for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) * scale
  return vector
}

export function randomUnitVector(random: () => number): Float32Array {
  const vector = new Float32Array(DIMENSIONS)
  for (let index = 0; index < DIMENSIONS; index += 1) vector[index] = gaussian(random)
  return unit(vector)
}

// Per-dimension noise: 1536 * 0.0225^2 ~ 0.78, so a point's cosine to its topic centre is
// ~0.75 and two points of one topic are ~0.56 alike; unrelated points are ~0.
const NOISE = 0.0225

/** A point near `centre`: a chunk of that topic, or an in-topic query. */
export function pointNear(centre: Float32Array, random: () => number): Float32Array {
  const vector = new Float32Array(DIMENSIONS)
  for (let index = 0; index < DIMENSIONS; index += 1) vector[index] = (centre[index] ?? 0) + NOISE * gaussian(random)
  return unit(vector)
}

/** pgvector text form with 5 decimals, for query parameters. */
export function vectorText(vector: Float32Array): string {
  const parts = new Array<string>(vector.length)
  for (let index = 0; index < vector.length; index += 1) parts[index] = (vector[index] ?? 0).toFixed(5)
  return `[${parts.join(',')}]`
}

/**
 * An int[] literal of the vector scaled by 1e5, for bulk loading: Postgres parses
 * integers about five times faster than floats (strtof dominates a load in PGlite), and
 * `int[]::vector` keeps the direction, which is all cosine distance looks at.
 */
export function scaledIntArray(vector: Float32Array): string {
  const parts = new Array<number>(vector.length)
  for (let index = 0; index < vector.length; index += 1) parts[index] = Math.round((vector[index] ?? 0) * 1e5)
  return `{${parts.join(',')}}`
}

/** A word of letters only that names a topic in chunk and query text ("zqab" for topic 26). */
export function topicWord(topic: number): string {
  return `zq${String.fromCharCode(97 + (topic % 26))}${String.fromCharCode(97 + Math.floor(topic / 26))}`
}

export type BenchTenant = { index: number; size: number; topics: number[] }

/** Each tenant draws `topicsPerTenant` distinct topics from the shared pool. */
export function planTenants(sizes: number[], topicCount: number, topicsPerTenant: number, random: () => number): BenchTenant[] {
  return sizes.map((size, index) => {
    const topics = new Set<number>()
    while (topics.size < Math.min(topicsPerTenant, topicCount)) topics.add(Math.floor(random() * topicCount))
    return { index, size, topics: [...topics] }
  })
}

export type SizeGroup = { label: string; min: number; max: number }

export const SIZE_GROUPS: SizeGroup[] = [
  { label: '<= 1k', min: 0, max: 1000 },
  { label: '1k-5k', min: 1001, max: 5000 },
  { label: '5k-10k', min: 5001, max: 10000 },
  { label: '> 10k', min: 10001, max: Number.POSITIVE_INFINITY },
]

export function groupOf(size: number): SizeGroup {
  return SIZE_GROUPS.find((group) => size >= group.min && size <= group.max) ?? (SIZE_GROUPS[0] as SizeGroup)
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}
