import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/tenant/[slug]/oracle/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { countRows, createLimitedTenant, oracleRequest, signedInMember, slugParams, useLanguageModel } from './oracle-world'

/*
 * One member's tier under a race. Meaningful on a real server (TEST_DATABASE_URL, a pool
 * of 20 connections); on PGlite the same test runs serialised and must agree.
 */

const ATTEMPTS = 50
const QUOTA = 10

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

describe(`${ATTEMPTS} simultaneous messages from one member against a tier of ${QUOTA}`, () => {
  it(`answer exactly ${QUOTA} and refuse ${ATTEMPTS - QUOTA} with 429 member_limit_reached`, async () => {
    const tenant = await createLimitedTenant(
      db,
      { slug: 'tier-race' },
      { conversationsPerMonth: null, tokensPerMonth: null, storageMb: null, members: null },
    )
    const member = await signedInMember(db, tenant.id, 'racer@tier.test')
    await withService(db, async (tx) => {
      const [tier] = await tx.query<{ id: string }>(
        "insert into public.tenant_member_tiers (tenant_id, name, messages_per_month) values ($1, 'Race', $2) returning id",
        [tenant.id, QUOTA],
      )
      await tx.query('update public.tenant_users set tier_id = $3 where tenant_id = $1 and user_id = $2', [
        tenant.id,
        member.userId,
        tier?.id,
      ])
    })
    const responses = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        POST(oracleRequest(tenant.slug, { input: `Message number ${i}` }, { cookie: member.cookie }), slugParams({ slug: tenant.slug })),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(QUOTA)
    const refused = responses.filter((response) => response.status === 429)
    expect(refused).toHaveLength(ATTEMPTS - QUOTA)
    const codes = await Promise.all(refused.map(async (response) => ((await response.json()) as { error: { code: string } }).error.code))
    expect(new Set(codes)).toEqual(new Set(['member_limit_reached']))
    const [usage] = await withService(db, (tx) =>
      tx.query<{ messages: number; messages_reserved: number }>(
        'select messages::int, messages_reserved::int from public.tenant_member_usage where tenant_id = $1 and user_id = $2',
        [tenant.id, member.userId],
      ),
    )
    expect(usage).toEqual({ messages: QUOTA, messages_reserved: 0 })
    expect(await countRows(db, 'tenant_conversations', tenant.id)).toBe(QUOTA)
  })
})
