import { performance } from 'node:perf_hooks'

/** Asks /api/health every 100 ms while some work runs and keeps each answer's latency. */
export class HealthProbe {
  private readonly latencies: number[] = []
  private running = false
  private loop: Promise<void> = Promise.resolve()

  constructor(private readonly url: string) {}

  start(): void {
    this.running = true
    this.latencies.length = 0
    this.loop = (async () => {
      while (this.running) {
        const started = performance.now()
        try {
          await (await fetch(`${this.url}/api/health`)).arrayBuffer()
        } catch {
          // A dead server answers nothing: counted as the time until the failure.
        }
        this.latencies.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
  }

  async stop(): Promise<{ p95Ms: number; maxMs: number; samples: number }> {
    this.running = false
    await this.loop
    const sorted = [...this.latencies].sort((a, b) => a - b)
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
    return { p95Ms: Math.round(at(0.95)), maxMs: Math.round(sorted[sorted.length - 1] ?? 0), samples: sorted.length }
  }
}
