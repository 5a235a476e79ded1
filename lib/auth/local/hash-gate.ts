import { availableParallelism } from 'node:os'
import pLimit from 'p-limit'
import { AppError } from '@/lib/errors'

/**
 * Every password hash costs 128 MiB and ~0.4 s of a core. At most `concurrency` run at
 * once and `queueDepth` wait; anything beyond is refused at once (503 + Retry-After)
 * instead of piling up, and one source may hold only `perSource` places, so a flood
 * from one address cannot take the queue from everyone else.
 */
export const HASH_GATE = { concurrency: Math.max(1, availableParallelism()), queueDepth: 8, perSource: 2 }

const limit = pLimit(HASH_GATE.concurrency)
const heldBySource = new Map<string, number>()

export async function gatedHash<T>(source: string | null, work: () => Promise<T>): Promise<T> {
  if (limit.activeCount + limit.pendingCount >= HASH_GATE.concurrency + HASH_GATE.queueDepth) {
    throw new AppError('unavailable', 'Too many sign-ins at once. Try again in a moment.', { retryAfterSeconds: 1 })
  }
  const held = source ? (heldBySource.get(source) ?? 0) : 0
  if (source && held >= HASH_GATE.perSource) {
    throw new AppError('rate_limited', 'Too many sign-ins from your network at once. Try again in a moment.', {
      retryAfterSeconds: 1,
    })
  }
  if (source) heldBySource.set(source, held + 1)
  try {
    return await limit(work)
  } finally {
    if (source) {
      const left = (heldBySource.get(source) ?? 1) - 1
      if (left > 0) heldBySource.set(source, left)
      else heldBySource.delete(source)
    }
  }
}
