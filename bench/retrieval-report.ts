import { SIZE_GROUPS, percentile } from './retrieval-data'

/** One query's outcome for the production strategy, and for the plain HNSW baseline where it was run. */
export type Sample = {
  /** How the query was asked (nearest rows, or as the member search or the oracle asks it). */
  mode: string
  group: string
  kind: 'in-topic' | 'off-topic'
  recall: number
  ms: number
  rechecked: boolean
  baseRecall?: number
  baseMs?: number
}

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)

function figures(recalls: number[], times: number[], recallWidth: number): string[] {
  return [
    mean(recalls).toFixed(3).padStart(recallWidth),
    Math.min(...recalls)
      .toFixed(2)
      .padStart(10),
    percentile(times, 50).toFixed(1).padStart(6),
    percentile(times, 95).toFixed(1).padStart(6),
  ]
}

/** Recall@10 and latency per way of asking, tenant-size group and query kind, strategy and baseline side by side. */
export function report(samples: Sample[]): void {
  for (const mode of [...new Set(samples.map((s) => s.mode))]) {
    const ofMode = samples.filter((s) => s.mode === mode)
    const withBase = ofMode.some((s) => s.baseRecall !== undefined)
    log('')
    log(mode)
    log(
      'group   queries         | strategy: recall@10 min-recall p50 ms p95 ms re-checked' +
        (withBase ? ' | plain HNSW: recall@10 min-recall p50 ms p95 ms' : ''),
    )
    for (const group of SIZE_GROUPS) {
      for (const kind of ['in-topic', 'off-topic', 'all'] as const) {
        const rows = ofMode.filter((s) => s.group === group.label && (kind === 'all' || s.kind === kind))
        if (rows.length === 0) continue
        const rechecked = rows.filter((r) => r.rechecked).length / rows.length
        const cells = [
          `${group.label.padEnd(7)} ${kind.padEnd(9)} ${String(rows.length).padStart(5)}`,
          ...figures(
            rows.map((r) => r.recall),
            rows.map((r) => r.ms),
            19,
          ),
          `${(rechecked * 100).toFixed(0)}%`.padStart(10),
        ]
        if (withBase) {
          cells.push(
            ...figures(
              rows.map((r) => r.baseRecall ?? 0),
              rows.map((r) => r.baseMs ?? 0),
              23,
            ),
          )
        }
        log(cells.join(' '))
      }
    }
  }
}
