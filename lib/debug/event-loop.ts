import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import type { EventLoopDelay } from '@/lib/contracts/health'
import { config } from '@/lib/env'

/*
 * Event-loop delay of the server process, for bench/ingest.ts: started only when
 * DEBUG_EVENT_LOOP=1, read (and reset) through GET /api/debug/event-loop.
 */

const holder = globalThis as unknown as { __eventLoopDelay?: IntervalHistogram }

export function eventLoopMonitoringEnabled(): boolean {
  return config().DEBUG_EVENT_LOOP
}

export function startEventLoopMonitor(): void {
  if (!eventLoopMonitoringEnabled() || holder.__eventLoopDelay) return
  holder.__eventLoopDelay = monitorEventLoopDelay({ resolution: 10 })
  holder.__eventLoopDelay.enable()
}

/** Figures since the previous read, then starts counting afresh. */
export function readEventLoopDelay(): EventLoopDelay | null {
  const histogram = holder.__eventLoopDelay
  if (!histogram) return null
  const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10
  const figures = {
    p50Ms: ms(histogram.percentile(50)),
    p99Ms: ms(histogram.percentile(99)),
    maxMs: ms(histogram.max),
    samples: histogram.count,
    rssMb: Math.round(process.memoryUsage.rss() / (1024 * 1024)),
  }
  histogram.reset()
  return figures
}
