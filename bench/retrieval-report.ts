import { SIZE_GROUPS, percentile } from './retrieval-data'

/** One query's outcome for the production strategy and for the plain HNSW baseline. */
export type Sample = {
  group: string
  kind: 'in-topic' | 'off-topic'
  recall: number
  ms: number
  rechecked: boolean
  baseRecall: number
  baseMs: number
}

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

/** Recall@10 and latency per tenant-size group and query kind, strategy and baseline side by side. */
export function report(samples: Sample[]): void {
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
  log('')
  log('group   queries         | strategy: recall@10 min-recall p50 ms p95 ms re-checked | plain HNSW: recall@10 min-recall p50 ms p95 ms')
  for (const group of SIZE_GROUPS) {
    for (const kind of ['in-topic', 'off-topic', 'all'] as const) {
      const rows = samples.filter((s) => s.group === group.label && (kind === 'all' || s.kind === kind))
      if (rows.length === 0) continue
      const rechecked = rows.filter((r) => r.rechecked).length / rows.length
      const cells = [
        `${group.label.padEnd(7)} ${kind.padEnd(9)} ${String(rows.length).padStart(5)}`,
        mean(rows.map((r) => r.recall))
          .toFixed(3)
          .padStart(19),
        Math.min(...rows.map((r) => r.recall))
          .toFixed(2)
          .padStart(10),
        percentile(
          rows.map((r) => r.ms),
          50,
        )
          .toFixed(1)
          .padStart(6),
        percentile(
          rows.map((r) => r.ms),
          95,
        )
          .toFixed(1)
          .padStart(6),
        `${(rechecked * 100).toFixed(0)}%`.padStart(10),
        mean(rows.map((r) => r.baseRecall))
          .toFixed(3)
          .padStart(23),
        Math.min(...rows.map((r) => r.baseRecall))
          .toFixed(2)
          .padStart(10),
        percentile(
          rows.map((r) => r.baseMs),
          50,
        )
          .toFixed(1)
          .padStart(6),
        percentile(
          rows.map((r) => r.baseMs),
          95,
        )
          .toFixed(1)
          .padStart(6),
      ]
      log(cells.join(' '))
    }
  }
}
