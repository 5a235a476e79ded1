import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/tenant/[slug]/oracle/route'
import { setDatabaseForTests, withUser } from '@/lib/db'
import { consumeConversation } from '@/lib/multi-tenant/usage/usage'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { countRows, createLimitedTenant, oracleRequest, signedInMember, slugParams, usageRow, useLanguageModel } from './oracle-world'

/*
 * The conversation limit under a race. Meaningful on a real server (TEST_DATABASE_URL,
 * a pool of 20 connections); on PGlite the same test runs serialised and must agree.
 */

const ATTEMPTS = 50
const LIMIT = 10

let db: TestDatabase

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

function limitedTenant(slug: string) {
  return createLimitedTenant(db, { slug }, { conversationsPerMonth: LIMIT, tokensPerMonth: null, storageMb: null, members: null })
}

describe(`${ATTEMPTS} simultaneous new threads against a limit of ${LIMIT}`, () => {
  it(`accept exactly ${LIMIT} when each claims a unit in its own transaction`, async () => {
    const tenant = await limitedTenant('race-function')
    const member = await signedInMember(db, tenant.id, 'racer@function.test')
    const outcomes = await Promise.allSettled(
      Array.from({ length: ATTEMPTS }, () =>
        withUser(db, member.claims, async (tx) => {
          await consumeConversation(tx, tenant.id)
          // Hold the transaction open so the others really overlap with it.
          await tx.query('select pg_sleep(0.02)')
        }),
      ),
    )
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected')
    expect(outcomes.length - refused.length).toBe(LIMIT)
    expect(refused).toHaveLength(ATTEMPTS - LIMIT)
    for (const outcome of refused) expect(outcome.reason).toMatchObject({ code: 'limit_reached', status: 429 })
    expect((await usageRow(db, tenant.id)).conversations).toBe(LIMIT)
  })

  it(`answer ${LIMIT} first messages and refuse ${ATTEMPTS - LIMIT} with 429 through the route`, async () => {
    const tenant = await limitedTenant('race-route')
    const member = await signedInMember(db, tenant.id, 'racer@route.test')
    const responses = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        POST(oracleRequest(tenant.slug, { input: `Thread number ${i}` }, { cookie: member.cookie }), slugParams({ slug: tenant.slug })),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT)
    expect(statuses.filter((status) => status === 429)).toHaveLength(ATTEMPTS - LIMIT)
    const refused = responses.filter((response) => response.status === 429)
    expect(refused.every((response) => Number(response.headers.get('retry-after')) > 0)).toBe(true)
    expect((await usageRow(db, tenant.id)).conversations).toBe(LIMIT)
    expect(await countRows(db, 'tenant_conversations', tenant.id)).toBe(LIMIT)
  })
})
