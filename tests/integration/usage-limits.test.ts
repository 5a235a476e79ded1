import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/tenant/[slug]/oracle/route'
import { asServer, setDatabaseForTests, withAnon, withUser } from '@/lib/db'
import { secondsToNextPeriod } from '@/lib/multi-tenant/usage/usage'
import { createTenant } from '../support/auth'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  countRows,
  createLimitedTenant,
  oracleRequest,
  signedInMember,
  slugParams,
  usageRow,
  useLanguageModel,
  type Member,
} from './oracle-world'

let db: TestDatabase

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
})

afterAll(async () => {
  useLanguageModel({})
  setDatabaseForTests(undefined)
  await db.close()
})

async function ask(slug: string, person: Member, input: string, conversationId?: string) {
  const response = await POST(oracleRequest(slug, { input, conversationId }, { cookie: person.cookie }), slugParams({ slug }))
  return { response, body: await response.json() }
}

describe('the monthly conversation limit', () => {
  let tenant: { id: string; slug: string }
  let alice: Member

  beforeAll(async () => {
    tenant = await createLimitedTenant(
      db,
      { slug: 'tiny-plan' },
      { conversationsPerMonth: 2, tokensPerMonth: null, storageMb: null, members: null },
    )
    alice = await signedInMember(db, tenant.id, 'alice@tiny.test')
  })

  it('refuses the first message of a thread beyond the limit with 429 limit_reached and Retry-After', async () => {
    const first = await ask(tenant.slug, alice, 'First thread')
    expect(first.response.status).toBe(200)
    expect((await ask(tenant.slug, alice, 'Second thread')).response.status).toBe(200)

    const refused = await ask(tenant.slug, alice, 'Third thread')
    expect(refused.response.status).toBe(429)
    expect(refused.body.error.code).toBe('limit_reached')
    const retryAfter = Number(refused.response.headers.get('retry-after'))
    expect(Math.abs(retryAfter - secondsToNextPeriod())).toBeLessThanOrEqual(60)

    expect(await countRows(db, 'tenant_conversations', tenant.id)).toBe(2)
    expect((await usageRow(db, tenant.id)).conversations).toBe(2)

    const followUp = await ask(tenant.slug, alice, 'A follow-up in the first thread', first.body.conversationId)
    expect(followUp.response.status).toBe(200)
  })
})

describe('the monthly token limit', () => {
  let fake: FakeOpenAI
  let tenant: { id: string; slug: string }
  let alice: Member

  beforeAll(async () => {
    // Each chat call reports 1,500 tokens: an exchange (classification + answer) uses 3,000.
    fake = await startFakeOpenAI({ replyText: 'An answer.', usage: { prompt_tokens: 1_400, completion_tokens: 100 } })
    useLanguageModel({ url: fake.url, timeoutMs: 5_000 })
    tenant = await createLimitedTenant(
      db,
      { slug: 'token-plan' },
      { conversationsPerMonth: null, tokensPerMonth: 11_000, storageMb: null, members: null },
    )
    alice = await signedInMember(db, tenant.id, 'alice@token.test')
  })

  afterAll(async () => {
    await fake.close()
    useLanguageModel({})
  })

  it('reserves an estimate before the model runs, settles the real usage, and refuses once the estimate no longer fits', async () => {
    const first = await ask(tenant.slug, alice, 'What do you offer?')
    expect(first.response.status).toBe(200)
    expect(await usageRow(db, tenant.id)).toMatchObject({ tokens_in: 2_800, tokens_out: 200, tokens_reserved: 0 })

    // 3,000 used: an estimate of about 5,800 still fits under 11,000; after the second
    // exchange (6,000 used) it no longer does.
    expect((await ask(tenant.slug, alice, 'Tell me more', first.body.conversationId)).response.status).toBe(200)
    const requestsBefore = fake.requests.length
    const refused = await ask(tenant.slug, alice, 'And more?', first.body.conversationId)
    expect(refused.response.status).toBe(429)
    expect(refused.body.error.code).toBe('limit_reached')
    expect(refused.body.error.message).toMatch(/token/)
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(fake.requests.length).toBe(requestsBefore)
    expect((await usageRow(db, tenant.id)).tokens_reserved).toBe(0)
  })
})

describe('the counting functions', () => {
  it('refuse every API role, members and visitors of the tenant included: only the server counts', async () => {
    const tenant = await createTenant(db, { slug: 'guarded-plan' })
    const other = await createTenant(db, { slug: 'other-public', publicAccess: true })
    const stranger = await signedInMember(db, null, 'stranger@guarded.test')
    const viewer = await signedInMember(db, tenant.id, 'viewer@guarded.test', 'viewer')
    for (const claims of [stranger.claims, viewer.claims]) {
      await expect(
        withUser(db, claims, (tx) => tx.query('select * from app_private.consume_conversation($1)', [tenant.id])),
      ).rejects.toMatchObject({ code: '42501' })
    }
    await expect(
      withAnon(db, { tenant_id: other.id }, (tx) => tx.query('select * from app_private.reserve_tokens($1, 10)', [tenant.id])),
    ).rejects.toMatchObject({ code: '42501' })
  })

  it('take the limit from the tenant row, falling back to the plan default for a missing key', async () => {
    const tenant = await createLimitedTenant(db, { slug: 'default-plan', planTier: 'professional' }, {})
    const member = await signedInMember(db, tenant.id, 'member@default.test')
    const [row] = await withUser(db, member.claims, (tx) =>
      asServer(tx, (server) => server.query<{ cap: number }>('select cap::int from app_private.consume_conversation($1)', [tenant.id])),
    )
    expect(row?.cap).toBe(10_000)
  })

  it('cannot be used to write the counters directly', async () => {
    const tenant = await createTenant(db, { slug: 'direct-plan' })
    const admin = await signedInMember(db, tenant.id, 'admin@direct.test', 'admin')
    await expect(
      withUser(db, admin.claims, (tx) => tx.query('update public.tenant_usage set conversations = 0 where tenant_id = $1', [tenant.id])),
    ).rejects.toMatchObject({ code: '42501' })
  })
})
