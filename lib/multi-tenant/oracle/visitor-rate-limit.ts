import type { Database } from '@/lib/db'
import { ALL_CLIENTS, enforceRateLimit } from '@/lib/rate-limit'

const WINDOW_SECONDS = 600
const MESSAGE = 'Too many questions in a short time. Please wait a few minutes, or sign in.'

/**
 * Counts one question of a visitor of a public tenant: 20 per address and tenant in ten
 * minutes. When the server cannot tell addresses apart (no trusted proxy), every
 * visitor of the tenant counts in one bucket of 200, so a public tenant keeps working
 * but its model spend stays bounded. 429 `rate_limited` beyond it.
 */
export async function limitVisitorQuestion(db: Database, tenantId: string, ip: string | null): Promise<void> {
  if (ip) {
    await enforceRateLimit(db, { scope: `visitor:${tenantId}`, maxHits: 20, windowSeconds: WINDOW_SECONDS }, ip, MESSAGE)
    return
  }
  await enforceRateLimit(db, { scope: `visitors:${tenantId}`, maxHits: 200, windowSeconds: WINDOW_SECONDS }, ALL_CLIENTS, MESSAGE)
}
