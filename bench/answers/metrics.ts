/** Rank-based retrieval figures and latency percentiles. */

/** 1-based rank of the first relevant result, or null. */
export function firstHitRank(results: readonly string[], relevant: ReadonlySet<string>): number | null {
  const index = results.findIndex((doc) => relevant.has(doc))
  return index < 0 ? null : index + 1
}

export type RankSummary = { n: number; hit1: number; hit5: number; mrr: number }

export function summariseRanks(ranks: readonly (number | null)[]): RankSummary {
  const n = ranks.length
  if (n === 0) return { n, hit1: 0, hit5: 0, mrr: 0 }
  const hit1 = ranks.filter((rank) => rank === 1).length / n
  const hit5 = ranks.filter((rank) => rank !== null && rank <= 5).length / n
  const mrr = ranks.reduce<number>((sum, rank) => sum + (rank === null ? 0 : 1 / rank), 0) / n
  return { n, hit1, hit5, mrr }
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}
