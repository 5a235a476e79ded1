import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/tenant/[slug]/oracle/route'
import { setDatabaseForTests } from '@/lib/db'
import { OpenAIEmbedder } from '@/lib/ai/openai/embedder'
import { resolveTenantBySlug } from '@/lib/multi-tenant/tenants'
import { createTenant } from '../support/auth'
import { countingDatabase, type Trips } from '../support/counting-database'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, seedKnowledge, signedInMember, slugParams, usageRow, useLanguageModel, type Member } from './oracle-world'

/*
 * A member's answer, counted at the driver: the session lookup carries the admission,
 * then retrieval, then settlement. The model and the embedding service run outside them.
 */

let db: TestDatabase
let counted: ReturnType<typeof countingDatabase>
let fake: FakeOpenAI
let tenant: { id: string; slug: string }
let member: Member

beforeAll(async () => {
  fake = await startFakeOpenAI({ replyText: 'Sessions last fifty minutes [1].', embeddingDimensions: 64 })
  useLanguageModel({ url: fake.url, timeoutMs: 5_000 })
  db = await createTestDatabase()
  counted = countingDatabase(db)
  setDatabaseForTests(counted)
  tenant = await createTenant(db, { slug: 'counted-coach', name: 'Counted Coach' })
  const embedder = new OpenAIEmbedder({ apiKey: 'sk-test-oracle', baseURL: fake.url, model: 'fake-embedding' })
  await seedKnowledge(db, tenant.id, embedder, [{ title: 'Sessions', content: 'Coaching sessions last fifty minutes.' }])
  member = await signedInMember(db, tenant.id, 'member@counted.test', 'user')
  // The directory caches slug -> tenant; a cold lookup is one more transaction, once per tenant and cache period.
  await resolveTenantBySlug(tenant.slug)
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  useLanguageModel({})
  await fake.close()
  await db.close()
})

async function ask(input: string, conversationId?: string): Promise<{ trips: Trips; conversationId: string }> {
  const before = { ...counted.trips }
  const response = await POST(
    oracleRequest(tenant.slug, { input, conversationId }, { cookie: member.cookie }),
    slugParams({ slug: tenant.slug }),
  )
  const body = await response.json()
  expect(response.status, JSON.stringify(body)).toBe(200)
  return {
    trips: {
      transactions: counted.trips.transactions - before.transactions,
      statements: counted.trips.statements - before.statements,
    },
    conversationId: body.conversationId,
  }
}

describe("a member's answer", () => {
  it('takes three transactions for a new thread and for a follow-up, the session lookup included', async () => {
    const first = await ask('How long is a session?')
    expect(first.trips.transactions).toBe(3)
    // One of them checks, before the model answers, that the tenant can store the exchange;
    // one reads the advisor the question is asked of (a follow-up: the thread's own).
    expect(first.trips.statements).toBeLessThanOrEqual(23)
    const followUp = await ask('And can I book online?', first.conversationId)
    expect(followUp.trips.transactions).toBe(3)
    expect(followUp.trips.statements).toBeLessThanOrEqual(21)
    expect((await usageRow(db, tenant.id)).tokens_reserved).toBe(0)
  })

  it('answers an 8,000-character question without a space in the same three transactions', async () => {
    const { trips } = await ask('x'.repeat(8_000))
    expect(trips.transactions).toBe(3)
  })
})
