import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDatabaseForTests, withService } from '@/lib/db'
import { recordExchange, releaseExchange, reserveTokens } from '@/lib/multi-tenant/usage/usage'
import { createTenant } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/* The month's and the days' token counts agree, also for an exchange that failed after the model had spent tokens. */

let db: TestDatabase
let tenantId = ''

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenantId = (await createTenant(db, { slug: 'urt-home' })).id
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const totals = () =>
  withService(db, async (tx) => {
    const [month] = await tx.query<{ tokens: number }>(
      'select (tokens_in + tokens_out)::int as tokens from public.tenant_usage where tenant_id = $1',
      [tenantId],
    )
    const [days] = await tx.query<{ tokens: number }>(
      'select coalesce(sum(tokens), 0)::int as tokens from public.tenant_usage_daily where tenant_id = $1',
      [tenantId],
    )
    return { month: month?.tokens ?? 0, days: days?.tokens ?? 0 }
  })

describe('released exchanges in the daily usage', () => {
  it('counts the tokens a failed exchange spent on its day as on its month', async () => {
    await withService(db, async (tx) => {
      const { period } = await reserveTokens(tx, tenantId, 500)
      await recordExchange(tx, {
        tenantId,
        period,
        reserved: 250,
        tokensIn: 100,
        tokensOut: 40,
        messages: 2,
        newConversation: true,
        element: null,
      })
      await releaseExchange(tx, { tenantId, period, reserved: 250, tokensIn: 300, tokensOut: 17, returnConversation: false })
    })
    expect(await totals()).toEqual({ month: 457, days: 457 })
  })

  it('leaves the day alone when a released exchange spent nothing', async () => {
    const before = await totals()
    await withService(db, async (tx) => {
      const { period } = await reserveTokens(tx, tenantId, 100)
      await releaseExchange(tx, { tenantId, period, reserved: 100, tokensIn: 0, tokensOut: 0, returnConversation: false })
    })
    expect(await totals()).toEqual(before)
  })
})
