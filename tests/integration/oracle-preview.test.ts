import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/tenant/[slug]/preview/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { setDatabaseForTests } from '@/lib/db'
import { createTenant, makePlatformAdmin, signedInHeaders, TEST_ORIGIN } from '../support/auth'
import { startFakeOpenAI } from '../support/fake-openai'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  countRows,
  createLimitedTenant,
  seedKnowledge,
  signedInMember,
  slugParams,
  usageRow,
  useLanguageModel,
  type Member,
} from './oracle-world'

let db: TestDatabase
let tenant: { id: string; slug: string }
let admin: Member
let user: Member
let otherAdmin: Member
let platformAdmin: Member

const draft = {
  brandVoice: { tone: 'playful', style: 'short', greeting: 'Hello from the draft voice!' },
  maiaPersonality: { name: 'Draft Dana', prohibitedTopics: ['politics'] },
  elementalSignature: { primary: 'fire' },
}

function preview(person: Member, body: unknown): Promise<Response> {
  return POST(
    new Request(`${TEST_ORIGIN}/api/tenant/${tenant.slug}/preview`, {
      method: 'POST',
      headers: signedInHeaders(person.cookie),
      body: JSON.stringify(body),
    }),
    slugParams({ slug: tenant.slug }),
  )
}

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'preview-house' })
  const other = await createTenant(db, { slug: 'preview-other' })
  admin = await signedInMember(db, tenant.id, 'admin@preview.test', 'admin')
  user = await signedInMember(db, tenant.id, 'user@preview.test', 'user')
  otherAdmin = await signedInMember(db, other.id, 'admin@preview-other.test', 'admin')
  platformAdmin = await signedInMember(db, null, 'root@preview.test')
  await makePlatformAdmin(db, platformAdmin.userId)
  await seedKnowledge(db, tenant.id, new LocalEmbedder(), [
    { title: 'Pricing', content: 'The basic plan costs twelve euros per month, billed yearly.' },
  ])
})

afterAll(async () => {
  useLanguageModel({})
  setDatabaseForTests(undefined)
  await db.close()
})

describe('POST /api/tenant/[slug]/preview', () => {
  it('answers in the draft voice, stores nothing and counts the exchange against the month like a visitor question', async () => {
    const before = await usageRow(db, tenant.id)
    const response = await preview(admin, { input: 'How much is the basic plan?', draft })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.response).toContain('Hello from the draft voice!')
    expect(body.response).toContain('Draft Dana is in offline mode')
    expect(body.response).toContain('twelve euros')
    expect(body).toMatchObject({ conversationId: null, messageId: null })
    expect(await countRows(db, 'tenant_conversations', tenant.id)).toBe(0)
    expect(await countRows(db, 'tenant_messages', tenant.id)).toBe(0)
    expect((await usageRow(db, tenant.id)).conversations).toBe(before.conversations + 1)
  })

  it('puts the draft personality into the prompt the model receives', async () => {
    const fake = await startFakeOpenAI({ replyText: 'Twelve euros.' })
    try {
      useLanguageModel({ url: fake.url, timeoutMs: 5_000 })
      expect((await preview(platformAdmin, { input: 'How much is the basic plan?', draft })).status).toBe(200)
      const answer = fake.requestsTo('/v1/chat/completions').find((request) => request.body.max_tokens !== 60)
      const system = (answer?.body.messages as { content: string }[])[0]?.content ?? ''
      expect(system).toContain('You are Draft Dana')
      expect(system).toContain('Prohibited topics: politics')
      expect(system).toContain('Tone: playful')
    } finally {
      await fake.close()
      useLanguageModel({})
    }
  })

  it("is 403 for members who are not admins and 404 for another tenant's admin", async () => {
    expect((await preview(user, { input: 'Hi', draft })).status).toBe(403)
    expect((await preview(otherAdmin, { input: 'Hi', draft })).status).toBe(404)
  })

  it("is refused with 429 limit_reached once the tenant's month is used up, before any answer is made", async () => {
    const full = await createLimitedTenant(
      db,
      { slug: 'preview-full' },
      { conversationsPerMonth: 1, tokensPerMonth: null, storageMb: null, members: null },
    )
    const fullAdmin = await signedInMember(db, full.id, 'admin@preview-full.test', 'admin')
    const ask = () =>
      POST(
        new Request(`${TEST_ORIGIN}/api/tenant/${full.slug}/preview`, {
          method: 'POST',
          headers: signedInHeaders(fullAdmin.cookie),
          body: JSON.stringify({ input: 'How much is it?', draft }),
        }),
        slugParams({ slug: full.slug }),
      )
    expect((await ask()).status).toBe(200)
    const refused = await ask()
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.code).toBe('limit_reached')
  })

  it('lets one admin preview 30 times in ten minutes, then answers 429 rate_limited with Retry-After', async () => {
    const busy = await signedInMember(db, tenant.id, 'busy-admin@preview.test', 'admin')
    for (let i = 0; i < 30; i += 1) expect((await preview(busy, { input: `Price ${i}?`, draft })).status).toBe(200)
    const refused = await preview(busy, { input: 'One more?', draft })
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.code).toBe('rate_limited')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await preview(admin, { input: 'Another admin still may?', draft })).status).toBe(200)
  })

  it('validates the draft', async () => {
    const response = await preview(admin, { input: 'Hi', draft: { maiaPersonality: { name: '' } } })
    expect(response.status).toBe(400)
  })
})
