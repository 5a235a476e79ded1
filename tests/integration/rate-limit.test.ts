import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withService } from '@/lib/db'
import { ALL_CLIENTS, enforceRateLimit, hitRateLimit } from '@/lib/rate-limit'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/* The app's one rate limiter (app_private.hit_rate_limit through lib/rate-limit.ts). */

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(async () => {
  await db.close()
})

const windowStart = new Date('2026-12-03T10:00:00Z')
const at = (seconds: number) => new Date(windowStart.getTime() + seconds * 1000)
const rule = (scope: string) => ({ scope, maxHits: 3, windowSeconds: 600 })

describe('hitRateLimit', () => {
  it('allows max hits per client in a window, refuses the next with the seconds left in the window', async () => {
    const verdicts = []
    for (let i = 0; i < 4; i++) verdicts.push(await hitRateLimit(db, rule('counting'), '203.0.113.1', at(60)))
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false])
    expect(verdicts[3]).toEqual({ allowed: false, hits: 4, retryAfterSeconds: 540 })
  })

  it('counts each client, and each scope, on its own', async () => {
    for (let i = 0; i < 4; i++) await hitRateLimit(db, rule('separate'), '203.0.113.2', at(0))
    expect((await hitRateLimit(db, rule('separate'), '203.0.113.3', at(0))).allowed).toBe(true)
    expect((await hitRateLimit(db, rule('separate-too'), '203.0.113.2', at(0))).allowed).toBe(true)
  })

  it('starts over in the next window and drops the finished one', async () => {
    for (let i = 0; i < 4; i++) await hitRateLimit(db, rule('windows'), '203.0.113.4', at(0))
    expect((await hitRateLimit(db, rule('windows'), '203.0.113.4', at(600))).allowed).toBe(true)
    const rows = await withService(db, (tx) =>
      tx.query<{ hits: number }>("select hits from app_private.rate_limit_hits where scope = 'windows' order by window_start"),
    )
    expect(rows).toEqual([{ hits: 1 }])
  })

  it('never counts an unknown client: one shared bucket would let one client lock everybody out', async () => {
    for (let i = 0; i < 10; i++)
      expect(await hitRateLimit(db, rule('unknown'), null, at(0))).toEqual({ allowed: true, hits: 0, retryAfterSeconds: 0 })
    const rows = await withService(db, (tx) => tx.query("select 1 from app_private.rate_limit_hits where scope = 'unknown'"))
    expect(rows).toEqual([])
  })

  it('caps all clients together only when the caller names the shared client on purpose', async () => {
    for (let i = 0; i < 3; i++) await hitRateLimit(db, rule('everyone'), ALL_CLIENTS, at(0))
    expect((await hitRateLimit(db, rule('everyone'), ALL_CLIENTS, at(0))).allowed).toBe(false)
  })

  it('counts concurrent hits exactly', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, () => hitRateLimit(db, { scope: 'concurrent', maxHits: 5, windowSeconds: 600 }, '203.0.113.5', at(0))),
    )
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5)
    expect(verdicts.map((verdict) => verdict.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
  })

  it('refuses a rule without a scope or with a window beyond a day (bad input, not a silent pass)', async () => {
    await expect(hitRateLimit(db, { scope: 'x', maxHits: 0, windowSeconds: 60 }, 'c', at(0))).rejects.toMatchObject({ code: '22023' })
    await expect(hitRateLimit(db, { scope: 'x', maxHits: 1, windowSeconds: 90_000 }, 'c', at(0))).rejects.toMatchObject({ code: '22023' })
  })
})

describe('enforceRateLimit', () => {
  it('throws 429 rate_limited with Retry-After beyond the limit', async () => {
    for (let i = 0; i < 3; i++) await enforceRateLimit(db, rule('enforced'), '203.0.113.6', 'Slow down.', at(30))
    await expect(enforceRateLimit(db, rule('enforced'), '203.0.113.6', 'Slow down.', at(30))).rejects.toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterSeconds: 570,
      message: 'Slow down.',
    })
  })
})
