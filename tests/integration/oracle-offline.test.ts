import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/tenant/[slug]/oracle/route'
import { LocalChat } from '@/lib/ai/offline/chat'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { setDatabaseForTests, withService, withUser } from '@/lib/db'
import { ELEMENTS } from '@/lib/engine/elements'
import { loadOracleProfile } from '@/lib/multi-tenant/oracle/profile'
import { TenantMAIA } from '@/lib/multi-tenant/TenantMAIA'
import { createTenant } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import {
  oracleRequest,
  readEvents,
  seedKnowledge,
  setTenantColumns,
  signedInMember,
  slugParams,
  usageRow,
  useLanguageModel,
  type Member,
} from './oracle-world'

let db: TestDatabase
let tenant: { id: string; slug: string }
let alice: Member

const REFUNDS = 'Refunds are issued within 14 days of purchase when the original receipt is shown at the front desk.'

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'grove-offline', name: 'Grove Wellness' })
  await setTenantColumns(db, tenant.id, `brand_voice = $2::text::jsonb, maia_personality = $3::text::jsonb`, [
    JSON.stringify({ tone: 'warm', style: 'plain', greeting: 'Welcome to the Grove.', signoff: 'Be well.' }),
    JSON.stringify({ name: 'Sage' }),
  ])
  await seedKnowledge(db, tenant.id, new LocalEmbedder(), [
    { title: 'Refund policy', content: `${REFUNDS} Gift cards cannot be refunded.` },
    { title: 'Opening hours', content: 'The studio is open from 7 in the morning until 9 in the evening, every day of the week.' },
  ])
  alice = await signedInMember(db, tenant.id, 'alice@grove.test')
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

async function ask(body: Record<string, unknown>, stream = false): Promise<Response> {
  return POST(oracleRequest(tenant.slug, body, { cookie: alice.cookie, stream }), slugParams({ slug: tenant.slug }))
}

describe('the oracle without a language model', () => {
  it('answers from the knowledge base in the tenant voice, cites the source and says it is offline', async () => {
    const response = await ask({ input: 'How long do refunds take?' })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.offline).toBe(true)
    expect(body.usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0, offline: true })
    expect(body.response).toContain(REFUNDS)
    expect(body.response).toMatch(/\[1\]/)
    expect(body.response).toContain('Welcome to the Grove.')
    expect(body.response).toContain('Sage is in offline mode')
    expect(body.knowledgeSources[0]).toMatchObject({ title: 'Refund policy' })
    expect(ELEMENTS).toContain(body.element)
    expect([1, 2, 3]).toContain(body.phase)
    expect(body.facet).toHaveProperty('name')
    expect(body.conversationId).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.messageId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('says plainly when the knowledge base holds nothing relevant', async () => {
    const body = await (await ask({ input: 'Explain quantum chromodynamics in neutron stars' })).json()
    expect(body.response).toContain('The knowledge base holds nothing relevant')
  })

  it('stores question and answer with the reading and keeps the thread summary current', async () => {
    const first = await (await ask({ input: 'When is the studio open?' })).json()
    const second = await (await ask({ input: 'And can gift cards be refunded?', conversationId: first.conversationId })).json()
    expect(second.conversationId).toBe(first.conversationId)
    expect(second.response).not.toContain('Welcome to the Grove.')

    const [conversation] = await withService(db, (tx) =>
      tx.query<{ title: string; message_count: number; depth_level: number; dominant_element: string; detected_phase: number }>(
        'select title, message_count, depth_level, dominant_element, detected_phase from public.tenant_conversations where id = $1',
        [first.conversationId],
      ),
    )
    expect(conversation).toMatchObject({ title: 'When is the studio open?', message_count: 4, depth_level: 2 })
    expect([first.element, second.element]).toContain(conversation?.dominant_element)
    expect(conversation?.detected_phase).toBe(second.phase)

    const messages = await withService(db, (tx) =>
      tx.query<{ id: string; role: string; content: string; element: string; offline: boolean; sources: unknown[] }>(
        'select id, role, content, element, offline, sources from public.tenant_messages where conversation_id = $1 order by created_at',
        [first.conversationId],
      ),
    )
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant'])
    expect(messages[2]?.content).toBe('And can gift cards be refunded?')
    expect(messages[3]).toMatchObject({ id: second.messageId, content: second.response, element: second.element, offline: true })
    expect(messages[3]?.sources).toEqual(second.knowledgeSources)
  })

  it('streams the same answer as meta, tokens and done events', async () => {
    const question = { input: 'What are the opening hours?' }
    const json = await (await ask(question)).json()
    const response = await ask(question, true)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const events = await readEvents(response)
    expect(events[0]?.event).toBe('meta')
    expect(events[0]?.data).toMatchObject({ element: json.element, phase: json.phase, offline: true })
    expect(events.at(-1)?.event).toBe('done')
    const text = events.filter((event) => event.event === 'token').map((event) => (event.data as { text: string }).text)
    expect(text.length).toBeGreaterThan(1)
    expect(text.join('')).toBe(json.response)
  })

  it('counts every thread and message in the month and day', async () => {
    const before = await usageRow(db, tenant.id)
    await ask({ input: 'Is there parking near the studio?' })
    const after = await usageRow(db, tenant.id)
    expect(after.conversations).toBe(before.conversations + 1)
    expect(after.messages).toBe(before.messages + 2)
    expect(after.tokens_reserved).toBe(0)
  })
})

describe('TenantMAIA', () => {
  it('keeps the designed shape: construct, then processInteraction, in the tenant voice the profile holds', async () => {
    const profile = await withUser(db, alice.claims, (tx) => loadOracleProfile(tx, tenant.id))
    expect(profile).toMatchObject({ name: 'Grove Wellness', canChat: true, status: 'active' })
    expect(profile.maiaPersonality.name).toBe('Sage')
    const maia = new TenantMAIA(tenant.id, (fn) => withUser(db, alice.claims, fn), { chat: new LocalChat(), embedder: new LocalEmbedder() })
    const result = await maia.processInteraction('Can I get a refund on a gift card?', alice.userId, { conversationDepth: 0 })
    expect(Object.keys(result).sort()).toEqual(
      ['conversationId', 'element', 'facet', 'knowledgeSources', 'messageId', 'offline', 'phase', 'questionId', 'response', 'usage'].sort(),
    )
    expect(result.response).toContain('Gift cards cannot be refunded.')
    expect(result.knowledgeSources.every((source) => typeof source.score === 'number')).toBe(true)
  })

  it('is ready once constructed: there is no initialize step to forget', async () => {
    const maia = new TenantMAIA(tenant.id, (fn) => withUser(db, alice.claims, fn), {
      chat: new LocalChat(),
      embedder: new LocalEmbedder(),
    })
    expect('initialize' in maia).toBe(false)
    expect((await maia.processInteraction('hello', alice.userId)).response.length).toBeGreaterThan(0)
  })
})
