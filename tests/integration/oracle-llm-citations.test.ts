import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/tenant/[slug]/oracle/route'
import { OpenAIEmbedder } from '@/lib/ai/openai/embedder'
import { setDatabaseForTests, withUser } from '@/lib/db'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { createTenant } from '../support/auth'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { FIRM_RELEVANCE } from '@/lib/multi-tenant/knowledge'
import { oracleRequest, readEvents, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

/*
 * LLM mode, seen from the model's side: what the passages look like when they reach it,
 * what it is told about citing and about gaps, and how the [n] of its answer line up with
 * the sources the API returns.
 */

const REPLY = 'Deposits are refunded within 10 days [2]; the booking fee is not [1].'

let db: TestDatabase
let fake: FakeOpenAI
let tenant: { id: string; slug: string }
let alice: Member

type Source = { id: string; title: string; snippet: string; score: number }

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  fake = await startFakeOpenAI({ replyText: REPLY })
  useLanguageModel({ url: fake.url, timeoutMs: 2000 })
  tenant = await createTenant(db, { slug: 'harbour-llm', name: 'Harbour Lets' })
  const owner = await signedInMember(db, tenant.id, 'owner@harbour.test', 'admin')
  alice = await signedInMember(db, tenant.id, 'alice@harbour.test')
  const embedder = new OpenAIEmbedder({ apiKey: 'sk-test-oracle', baseURL: fake.url, model: 'fake-embedding' })
  const documents = [
    {
      title: 'Booking terms',
      content: '# Booking terms\n\n## Fees\n\nThe booking fee for a flat is not refundable once the deposit is paid.',
    },
    {
      title: 'Deposits',
      content:
        '# Deposits\n\n## Refunds\n\nA deposit for a flat is refunded within 10 days after the keys are returned, unlike the booking fee.',
    },
  ]
  const prepared = await Promise.all(documents.map((document) => TenantKnowledgeBase.prepare(document, embedder)))
  await withUser(db, owner.claims, async (tx) => {
    const kb = new TenantKnowledgeBase(tenant.id, tx, { embedder })
    for (const document of prepared) await kb.addKnowledge(document)
  })
})

afterAll(async () => {
  await fake.close()
  useLanguageModel({})
  setDatabaseForTests(undefined)
  await db.close()
})

async function ask(input: string): Promise<{ response: string; knowledgeSources: Source[]; system: string }> {
  fake.requests.length = 0
  const response = await POST(oracleRequest(tenant.slug, { input }, { cookie: alice.cookie }), slugParams({ slug: tenant.slug }))
  expect(response.status).toBe(200)
  const body = (await response.json()) as { response: string; knowledgeSources: Source[] }
  const answer = fake
    .requestsTo('/v1/chat/completions')
    .map((request) => request.body as { max_tokens?: number; messages: { role: string; content: string }[] })
    .sort((a, b) => Number(b.max_tokens) - Number(a.max_tokens))[0]
  return { ...body, system: answer?.messages[0]?.content ?? '' }
}

function documentsOf(system: string): { index: number; title: string; content: string }[] {
  return [...system.matchAll(/<document index="(\d+)" title="([^"]*)">\n([\s\S]*?)\n<\/document>/g)].map((match) => ({
    index: Number(match[1]),
    title: match[2] ?? '',
    content: match[3] ?? '',
  }))
}

describe('passages sent to the language model', () => {
  it('numbers each passage as the source of the same position and titles it with its document and section', async () => {
    const { knowledgeSources, system } = await ask('Is the deposit for a flat refunded, and the booking fee?')
    const documents = documentsOf(system)
    expect(documents.map((document) => document.index)).toEqual(knowledgeSources.map((_, position) => position + 1))
    expect(documents.length).toBe(2)
    documents.forEach((document, position) => {
      const source = knowledgeSources[position]
      expect(document.title.startsWith(`${source?.title} — `)).toBe(true)
      expect(document.content.replace(/\s+/g, ' ')).toContain(source?.snippet.replace(/…/g, '').trim())
    })
    expect(documents.map((document) => document.title).sort()).toEqual(['Booking terms — Fees', 'Deposits — Refunds'])
  })

  it('tells the model to cite by number and to say when the knowledge does not cover the question', async () => {
    const { system } = await ask('Is the deposit for a flat refunded?')
    expect(system).toMatch(/Cite the documents you use by their number in square brackets/)
    expect(system).toMatch(/does not cover the question[\s\S]*say plainly that the knowledge base does not cover it/)
  })

  it("returns the model's answer unchanged, each [n] naming the source that was the model's document n", async () => {
    const { response, knowledgeSources, system } = await ask('Is the deposit for a flat refunded, and the booking fee?')
    expect(response).toBe(REPLY)
    const documents = documentsOf(system)
    const citations = [...response.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]))
    expect(citations).toEqual([2, 1])
    for (const n of citations) {
      const source = knowledgeSources[n - 1]
      expect(source).toBeDefined()
      expect(documents[n - 1]?.title.startsWith(`${source?.title} — `)).toBe(true)
    }
  })

  it('sends no passage, and says none was retrieved, for a question the knowledge does not touch', async () => {
    const { knowledgeSources, system } = await ask('Which telescope brand observes Jupiter moons best?')
    expect(knowledgeSources).toEqual([])
    expect(documentsOf(system)).toEqual([])
    expect(system).toContain('No knowledge was retrieved for this message.')
  })
})

describe('weak retrieval and stray citations', () => {
  it('tells the model its passages match only weakly, and to decline rather than guess, when every passage is weak evidence', async () => {
    const weak = await ask('Are returned keys checked?')
    expect(weak.knowledgeSources.length).toBeGreaterThan(0)
    expect(weak.knowledgeSources.every((source) => source.score < FIRM_RELEVANCE)).toBe(true)
    expect(weak.system).toMatch(/match this message only weakly[\s\S]*say that the knowledge base does not cover it rather than guess/)
    const firm = await ask('Is the deposit for a flat refunded?')
    expect(firm.knowledgeSources.some((source) => source.score >= FIRM_RELEVANCE)).toBe(true)
    expect(firm.system).not.toMatch(/only weakly/)
  })

  it('removes [n] that name no source given, in the JSON answer, the streamed one and the stored message', async () => {
    fake.replyText = 'Deposits come back within 10 days [2][5]. Keys are checked [0] [1].'
    try {
      const cleaned = 'Deposits come back within 10 days [2]. Keys are checked [1].'
      const { response, knowledgeSources } = await ask('Is the deposit for a flat refunded, and the booking fee?')
      expect(knowledgeSources).toHaveLength(2)
      expect(response).toBe(cleaned)
      const streamed = await POST(
        oracleRequest(
          tenant.slug,
          { input: 'Is the deposit for a flat refunded, and the booking fee?' },
          { cookie: alice.cookie, stream: true },
        ),
        slugParams({ slug: tenant.slug }),
      )
      const events = await readEvents(streamed)
      const text = events
        .filter((event) => event.event === 'token')
        .map((event) => (event.data as { text: string }).text)
        .join('')
      expect(text).toBe(cleaned)
      const stored = await withUser(db, alice.claims, (tx) =>
        tx.query<{ content: string }>(
          "select content from public.tenant_messages where tenant_id = $1 and role = 'assistant' order by created_at desc limit 1",
          [tenant.id],
        ),
      )
      expect(stored[0]?.content).toBe(cleaned)
    } finally {
      fake.replyText = REPLY
    }
  })
})
