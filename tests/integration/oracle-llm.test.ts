import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { POST } from '@/app/api/tenant/[slug]/oracle/route'
import { OpenAIEmbedder } from '@/lib/ai/openai/embedder'
import { setDatabaseForTests, withService } from '@/lib/db'
import { createTenant } from '../support/auth'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { SseParser } from '@/lib/client/sse'
import {
  countRows,
  eventually,
  oracleRequest,
  readEvents,
  seedKnowledge,
  signedInMember,
  slugParams,
  usageRow,
  useLanguageModel,
  type Member,
} from './oracle-world'

/*
 * The oracle route against a loopback server that speaks the OpenAI API, so the real
 * `openai` client runs: embeddings, the classification call, the answer (JSON and
 * streamed), retries, failures and timeouts.
 */

const REPLY = 'Refunds are issued within 14 days of purchase [1].'
// Every question below shares all its words with the document, so the full-text side of the
// hybrid search finds it whatever the fake's (random) embeddings say.
const DOC =
  'Refund window: refunds take 14 days at most, which is how long the bank needs once the receipt is shown. ' +
  'Gift cards are refunded as store credit.'
const FIXED_USAGE = { prompt_tokens: 300, completion_tokens: 12 }

let db: TestDatabase
let fake: FakeOpenAI
let tenant: { id: string; slug: string }
let alice: Member

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'lumen-llm', name: 'Lumen Legal' })
  alice = await signedInMember(db, tenant.id, 'alice@lumen.test')
})

beforeEach(async () => {
  fake = await startFakeOpenAI({ replyText: REPLY, usage: FIXED_USAGE })
  useLanguageModel({ url: fake.url, timeoutMs: 1000 })
})

afterEach(async () => {
  await fake.close()
})

afterAll(async () => {
  useLanguageModel({})
  setDatabaseForTests(undefined)
  await db.close()
})

async function seedOnce(): Promise<void> {
  if ((await countRows(db, 'tenant_messages', tenant.id)) > 0) return
  const exists = await withService(db, (tx) => tx.query('select 1 from public.tenant_knowledge where tenant_id = $1', [tenant.id]))
  if (exists.length > 0) return
  const embedder = new OpenAIEmbedder({ apiKey: 'sk-test-oracle', baseURL: fake.url, model: 'fake-embedding' })
  await seedKnowledge(db, tenant.id, embedder, [{ title: 'Refund policy', content: DOC }])
}

async function ask(input: string, stream = false): Promise<Response> {
  await seedOnce()
  fake.requests.length = 0
  return POST(oracleRequest(tenant.slug, { input }, { cookie: alice.cookie, stream }), slugParams({ slug: tenant.slug }))
}

function chatRequests() {
  return fake.requestsTo('/v1/chat/completions').map((request) => request.body)
}

describe('answers from a language model', () => {
  it('answers in JSON from a non-streamed completion with the API usage of both calls', async () => {
    const response = await ask('How long do refunds take?')
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ response: REPLY, offline: false })
    // The classification call and the answer each report the fixed usage.
    expect(body.usage).toEqual({ promptTokens: 600, completionTokens: 24, totalTokens: 624, offline: false })
    expect(fake.requestsTo('/v1/embeddings')).toHaveLength(1)
    const [classification, answer] = [...chatRequests()].sort((a, b) => Number(a.max_tokens) - Number(b.max_tokens))
    expect(classification?.max_tokens).toBe(60)
    expect(answer?.stream).toBeUndefined()
    const messages = answer?.messages as { role: string; content: string }[]
    expect(messages[0]?.role).toBe('system')
    expect(messages[0]?.content).toContain('<knowledge>')
    expect(messages[0]?.content).toContain(DOC)
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'How long do refunds take?' })
  })

  it('settles the token reservation with the real usage', async () => {
    const before = await usageRow(db, tenant.id)
    await ask('Do you refund gift cards?')
    const after = await usageRow(db, tenant.id)
    expect(after.tokens_in - before.tokens_in).toBe(600)
    expect(after.tokens_out - before.tokens_out).toBe(24)
    expect(after.tokens_reserved).toBe(0)
  })

  it('streams meta, the model tokens and done, and stores the streamed answer', async () => {
    const response = await ask('What is the refund window?', true)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const events = await readEvents(response)
    expect(events.map((event) => event.event)).toEqual(['meta', ...Array(REPLY.split(' ').length).fill('token'), 'done'])
    const meta = events[0]?.data as { conversationId: string; offline: boolean; knowledgeSources: { title: string }[] }
    expect(meta.offline).toBe(false)
    expect(meta.knowledgeSources.map((source) => source.title)).toContain('Refund policy')
    const text = events.filter((event) => event.event === 'token').map((event) => (event.data as { text: string }).text)
    expect(text.join('')).toBe(REPLY)
    const done = events.at(-1)?.data as { messageId: string; usage: { totalTokens: number } }
    expect(done.usage.totalTokens).toBe(624)
    expect(chatRequests().some((body) => body.stream === true)).toBe(true)
    const [stored] = await withService(db, (tx) =>
      tx.query<{ content: string; conversation_id: string }>('select content, conversation_id from public.tenant_messages where id = $1', [
        done.messageId,
      ]),
    )
    expect(stored).toEqual({ content: REPLY, conversation_id: meta.conversationId })
  })

  it('falls back to the offline detector when the classification is not valid JSON', async () => {
    // The fake answers every chat call with REPLY, which is no classification at all.
    const body = await (await ask('I feel so sad and lonely since my divorce')).json()
    expect(body.element).toBe('water')
  })

  it('retries a 500 from the model server and still answers', async () => {
    fake.failNext(500, 1)
    const response = await ask('How long do refunds take?')
    expect(response.status).toBe(200)
    expect((await response.json()).response).toBe(REPLY)
  })
})

describe('when the model server fails', () => {
  async function expectNothingKept(before: { conversations: number; messages: number }, response: Response) {
    expect(await countRows(db, 'tenant_messages', tenant.id)).toBe(before.messages)
    expect(await countRows(db, 'tenant_conversations', tenant.id)).toBe(before.conversations)
    const usage = await usageRow(db, tenant.id)
    expect(usage.tokens_reserved).toBe(0)
    return response
  }

  async function snapshot() {
    return {
      messages: await countRows(db, 'tenant_messages', tenant.id),
      conversations: await countRows(db, 'tenant_conversations', tenant.id),
      usage: await usageRow(db, tenant.id),
    }
  }

  it('answers 503 unavailable when every retry gets 429, and keeps nothing of the exchange', async () => {
    await seedOnce()
    const before = await snapshot()
    fake.failNext(429, 100)
    const response = await ask('How long do refunds take?')
    expect(response.status).toBe(503)
    expect((await response.json()).error.code).toBe('unavailable')
    await expectNothingKept(before, response)
    expect((await usageRow(db, tenant.id)).conversations).toBe(before.usage.conversations)
  })

  it('answers 503 JSON when the model is too slow, even to a streaming request', async () => {
    await seedOnce()
    const before = await snapshot()
    fake.delayMs = 1_500
    const response = await ask('How long do refunds take?', true)
    expect(response.status).toBe(503)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect((await response.json()).error.code).toBe('unavailable')
    await expectNothingKept(before, response)
  })

  it("sends a rate_limited error event, with when to ask again, when the model's rate limit cuts the answer mid-stream", async () => {
    await seedOnce()
    const before = await snapshot()
    fake.rateLimitAfterTokens = 3
    const response = await ask('How long do refunds take?', true)
    expect(response.status).toBe(200)
    const events = await readEvents(response)
    expect(events.map((event) => event.event)).toEqual(['meta', 'token', 'token', 'token', 'error'])
    expect(events.at(-1)?.data).toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) })
    expect((events.at(-1)?.data as { message: string }).message).toMatch(/rate limit cut this answer short/)
    await expectNothingKept(before, response)
  })

  it('sends an error event when the model stalls after the stream started, and undoes the exchange', async () => {
    await seedOnce()
    const before = await snapshot()
    fake.chunkDelayMs = 1_500
    const response = await ask('How long do refunds take?', true)
    expect(response.status).toBe(200)
    const events = await readEvents(response)
    expect(events[0]?.event).toBe('meta')
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'unavailable' } })
    expect(events.some((event) => event.event === 'done')).toBe(false)
    await expectNothingKept(before, response)
    const usage = await usageRow(db, tenant.id)
    expect(usage.conversations).toBe(before.usage.conversations)
    // The classification call did complete, and what the model spent still counts.
    expect(usage.tokens_in).toBeGreaterThan(before.usage.tokens_in)
  })

  it('counts the exchange when the client leaves after reading part of the answer, with the tokens streamed so far', async () => {
    await seedOnce()
    const before = await snapshot()
    fake.chunkDelayMs = 100
    const response = await ask('How long do refunds take?', true)
    const reader = response.body?.getReader()
    if (!reader) throw new Error('no body')
    const parser = new SseParser()
    const decoder = new TextDecoder()
    const seen: string[] = []
    while (!seen.includes('token')) {
      const { value, done } = await reader.read()
      if (done) throw new Error('the stream ended before the first token')
      seen.push(...parser.push(decoder.decode(value, { stream: true })).map((event) => event.event))
    }
    await reader.cancel()
    await eventually(async () => (await usageRow(db, tenant.id)).tokens_reserved === 0)
    const usage = await usageRow(db, tenant.id)
    expect(usage.conversations).toBe(before.usage.conversations + 1)
    expect(usage.tokens_in).toBeGreaterThan(before.usage.tokens_in)
    expect(usage.tokens_out).toBeGreaterThan(before.usage.tokens_out)
    // The member's thread keeps the question and the part of the answer that was shown.
    expect(await countRows(db, 'tenant_conversations', tenant.id)).toBe(before.conversations + 1)
    expect(await countRows(db, 'tenant_messages', tenant.id)).toBe(before.messages + 2)
  })
})
