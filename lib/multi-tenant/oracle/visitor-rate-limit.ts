import type { Database } from '@/lib/db'
import { ALL_CLIENTS, enforceRateLimit } from '@/lib/rate-limit'

const WINDOW_SECONDS = 600
const MESSAGE = 'Too many questions in a short time. Please wait a few minutes, or sign in.'

/**
 * Counts one question of a visitor of a public tenant: 20 per address and tenant in ten
 * minutes. When the server cannot tell addresses apart (no trusted proxy), 20 per
 * browser (its visitor cookie) and, over all visitors of the tenant, 200: one browser
 * cannot use up what the others share, and a client that drops its cookie to start
 * over still leaves the tenant's model spend bounded. 429 `rate_limited` beyond it.
 */
export async function limitVisitorQuestion(
  db: Database,
  tenantId: string,
  client: { ip: string | null; visitor: string | null },
): Promise<void> {
  const rule = { scope: `visitor:${tenantId}`, maxHits: 20, windowSeconds: WINDOW_SECONDS }
  if (client.ip) {
    await enforceRateLimit(db, rule, client.ip, MESSAGE)
    return
  }
  if (client.visitor) await enforceRateLimit(db, { ...rule, scope: `visitor-browser:${tenantId}` }, client.visitor, MESSAGE)
  await enforceRateLimit(db, { scope: `visitors:${tenantId}`, maxHits: 200, windowSeconds: WINDOW_SECONDS }, ALL_CLIENTS, MESSAGE)
}
