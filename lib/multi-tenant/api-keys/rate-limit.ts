import { getDatabase } from '@/lib/db'
import { enforceRateLimit } from '@/lib/rate-limit'
import type { KeyCaller } from './caller'

/** Requests one key may make in a minute, across every route of the public API. */
export const KEY_REQUESTS_PER_MINUTE = 60

/** Counts one request of the key; 429 rate_limited (with Retry-After) past the minute's allowance. */
export async function limitKeyRequest(caller: KeyCaller): Promise<void> {
  await enforceRateLimit(
    await getDatabase(),
    { scope: `api-key:${caller.tenantId}`, maxHits: KEY_REQUESTS_PER_MINUTE, windowSeconds: 60 },
    caller.keyId,
    `This API key may make ${KEY_REQUESTS_PER_MINUTE} requests a minute. Wait a moment and try again.`,
  )
}
