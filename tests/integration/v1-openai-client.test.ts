import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as completionsRoute } from '@/app/api/v1/chat/completions/route'
import { GET as modelsRoute } from '@/app/api/v1/models/route'
import { POST as searchRoute } from '@/app/api/v1/search/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import type { ApiKeyScope } from '@/lib/contracts/api-keys'
import { knowledgeSearchResponseSchema } from '@/lib/contracts/knowledge'
import { chatCompletionChunkSchema, chatCompletionSchema, modelListSchema } from '@/lib/contracts/v1'
import { setDatabaseForTests, withService } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { createApiKey, KEY_REQUESTS_PER_MINUTE, revokeApiKey } from '@/lib/multi-tenant/api-keys'
import { addMember, createUser } from '../support/auth'
import { startFakeOpenAI } from '../support/fake-openai'
import { startRouteServer, type RouteServer } from '../support/route-server'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { createLimitedTenant, seedKnowledge, usageRow, useLanguageModel } from './oracle-world'

/*
 * The public API as its users meet it: the official `openai` package, unchanged, pointed
 * at a real HTTP server in front of the /api/v1 route handlers, with a tenant's API key.
 */

const ACME_HOURS = 'The Acme workshop is open from 8 in the morning until 6 in the evening on weekdays.'
const GLOBEX_SECRET = 'Globex keeps its prototype reactor cores in vault nineteen beneath the harbour warehouse.'

let db: TestDatabase
let server: RouteServer
let acme: { id: string; slug: string }
let globex: { id: string; slug: string }
let tiny: { id: string; slug: string }
let acmeAdmin: ReturnType<typeof actingAs>
const secrets: Record<string, string> = {}

async function keyFor(tenantId: string, name: string, scopes: ApiKeyScope[]): Promise<{ id: string; secret: string }> {
  const [admin] = await withService(db, (tx) =>
    tx.query<{ user_id: string }>("select user_id from public.tenant_users where tenant_id = $1 and role = 'admin'", [tenantId]),
  )
  const created = await createApiKey(actingAs(db, { sub: String(admin?.user_id) }), tenantId, { name, scopes })
  return { id: created.key.id, secret: created.secret }
}

async function tenantWithAdmin(slug: string, name: string, limits: { conversationsPerMonth?: number | null } = {}) {
  const tenant = await createLimitedTenant(db, { slug, name }, { conversationsPerMonth: null, ...limits })
  const admin = await createUser(db, { email: `admin@${slug}.test` })
  await addMember(db, tenant.id, admin.userId, 'admin')
  return { tenant, admin: actingAs(db, { sub: admin.userId }) }
}

const client = (secret: string) => new OpenAI({ apiKey: secret, baseURL: `${server.url}/api/v1`, maxRetries: 0 })
const sourcesOf = (message: unknown) => (message as { sources?: { id: string; knowledgeId: string; title: string }[] }).sources ?? []

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  const made = await tenantWithAdmin('acme-api', 'Acme Works')
  acme = made.tenant
  acmeAdmin = made.admin
  globex = (await tenantWithAdmin('globex-api', 'Globex')).tenant
  tiny = (await tenantWithAdmin('tiny-api', 'Tiny', { conversationsPerMonth: 1 })).tenant
  const embedder = new LocalEmbedder()
  await seedKnowledge(db, acme.id, embedder, [{ title: 'Workshop hours', content: ACME_HOURS }])
  await seedKnowledge(db, globex.id, embedder, [{ title: 'Vault inventory', content: GLOBEX_SECRET }])
  await seedKnowledge(db, tiny.id, embedder, [{ title: 'About Tiny', content: 'Tiny sells very small teapots made of porcelain.' }])
  secrets.acmeAll = (await keyFor(acme.id, 'All', ['chat', 'knowledge:read'])).secret
  secrets.acmeRead = (await keyFor(acme.id, 'Read only', ['knowledge:read'])).secret
  secrets.tiny = (await keyFor(tiny.id, 'Tiny', ['chat'])).secret
  server = await startRouteServer({
    '/api/v1/models': { GET: modelsRoute },
    '/api/v1/chat/completions': { POST: completionsRoute },
    '/api/v1/search': { POST: searchRoute },
  })
})
afterAll(async () => {
  await server.close()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('the openai client with a tenant key', () => {
  it('lists the tenant’s one model, default, named after the tenant', async () => {
    const models = await client(secrets.acmeAll ?? '').models.list()
    expect(modelListSchema.parse({ object: 'list', data: models.data })).toBeTruthy()
    expect(models.data.map((model) => [model.id, model.owned_by, (model as unknown as { name: string }).name])).toEqual([
      ['default', 'acme-api', 'Acme Works assistant'],
    ])
  })

  it('answers a non-streamed completion grounded in the tenant’s knowledge, with its sources, and counts it', async () => {
    const before = await usageRow(db, acme.id)
    const completion = await client(secrets.acmeAll ?? '').chat.completions.create({
      model: 'default',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'When is the workshop open?' },
      ],
      max_tokens: 200,
      user: 'end-user-17',
    })
    expect(chatCompletionSchema.safeParse(completion).error?.issues).toBeUndefined()
    const [choice] = completion.choices
    expect(choice?.message.content).toMatch(/8 in the morning/)
    expect(sourcesOf(choice?.message).map((source) => source.title)).toEqual(['Workshop hours'])
    const after = await usageRow(db, acme.id)
    expect(after.conversations - (before?.conversations ?? 0)).toBe(1)
  })

  it('streams a completion in OpenAI’s chunk format, the sources on its last chunk', async () => {
    const stream = await client(secrets.acmeAll ?? '').chat.completions.create({
      model: 'default',
      messages: [{ role: 'user', content: 'What are the workshop opening hours on weekdays?' }],
      stream: true,
    })
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)
    for (const chunk of chunks) expect(chatCompletionChunkSchema.safeParse(chunk).error?.issues).toBeUndefined()
    expect(chunks.length).toBeGreaterThan(3)
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant')
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')
    expect(text).toMatch(/8 in the morning/)
    const last = chunks.at(-1)
    expect(last?.choices[0]?.finish_reason).toBe('stop')
    expect(last?.usage).toBeTruthy()
    expect(sourcesOf(last).map((source) => source.title)).toEqual(['Workshop hours'])
    expect(chunks.slice(0, -1).every((chunk) => chunk.choices[0]?.finish_reason === null && sourcesOf(chunk).length === 0)).toBe(true)
  })

  it('searches the tenant’s knowledge with knowledge:read', async () => {
    const response = await fetch(`${server.url}/api/v1/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secrets.acmeRead}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'workshop opening hours' }),
    })
    expect(response.status).toBe(200)
    const { results } = knowledgeSearchResponseSchema.parse(await response.json())
    expect(results.map((result) => result.title)).toContain('Workshop hours')
  })
})

describe('refusals, in OpenAI’s error shape', () => {
  it('is 429 with Retry-After when the tenant’s month of conversations is used up, and asks no model', async () => {
    const tinyClient = client(secrets.tiny ?? '')
    const ask = () =>
      tinyClient.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: 'What does Tiny sell?' }] })
    await ask()
    const refused = await ask().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError)
    const error = refused as InstanceType<typeof OpenAI.RateLimitError>
    expect(error.status).toBe(429)
    expect(Number(error.headers?.get('retry-after'))).toBeGreaterThan(0)
    expect(error.error).toMatchObject({ code: 'limit_reached', type: 'insufficient_quota', param: null })
    expect(error.headers?.get('x-should-retry')).toBe('false')
    expect((await usageRow(db, tiny.id))?.conversations).toBe(1)
  })

  it('is 429 with Retry-After past the key’s requests a minute, while another key of the tenant goes on', async () => {
    const { secret } = await keyFor(acme.id, 'Busy', ['chat'])
    const busy = client(secret)
    for (let index = 0; index < KEY_REQUESTS_PER_MINUTE; index += 1) await busy.models.list()
    const refused = (await busy.models.list().catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError)
    expect(refused.error).toMatchObject({ code: 'rate_limited', type: 'rate_limit_error' })
    expect(Number(refused.headers?.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.headers?.get('x-should-retry')).toBeNull()
    await expect(client(secrets.acmeAll ?? '').models.list()).resolves.toBeTruthy()
  })

  it('is 401 with a revoked key', async () => {
    const { id, secret } = await keyFor(acme.id, 'Soon revoked', ['chat'])
    await expect(client(secret).models.list()).resolves.toBeTruthy()
    await revokeApiKey(acmeAdmin, acme.id, id)
    const refused = await client(secret)
      .chat.completions.create({ model: 'default', messages: [{ role: 'user', content: 'Hello?' }] })
      .catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(OpenAI.AuthenticationError)
    expect((refused as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ code: 'unauthorized', type: 'authentication_error' })
  })

  it('is 401 with no key or a made-up one', async () => {
    const madeUp = await client(`oak_${'z'.repeat(43)}`)
      .models.list()
      .catch((error: unknown) => error)
    expect(madeUp).toBeInstanceOf(OpenAI.AuthenticationError)
    const none = await fetch(`${server.url}/api/v1/models`)
    expect(none.status).toBe(401)
  })

  it('is 403 for a key without the chat scope, and counts nothing', async () => {
    const before = await usageRow(db, acme.id)
    const refused = await client(secrets.acmeRead ?? '')
      .chat.completions.create({ model: 'default', messages: [{ role: 'user', content: 'When is the workshop open?' }] })
      .catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError)
    expect((refused as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ code: 'forbidden', type: 'permission_error' })
    expect(await usageRow(db, acme.id)).toEqual(before)
  })

  it('is 403 for search with a key without knowledge:read', async () => {
    const response = await fetch(`${server.url}/api/v1/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secrets.tiny}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'teapots' }),
    })
    expect(response.status).toBe(403)
  })

  it('is 400 naming the field for a conversation that does not end with a question, and 404 for another model', async () => {
    const acmeClient = client(secrets.acmeAll ?? '')
    const noQuestion = await acmeClient.chat.completions
      .create({ model: 'default', messages: [{ role: 'assistant', content: 'Hi!' }] })
      .catch((error: unknown) => error)
    expect(noQuestion).toBeInstanceOf(OpenAI.BadRequestError)
    expect((noQuestion as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
      details: { fields: { messages: expect.any(String) } },
    })
    const otherModel = await acmeClient.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi?' }] })
      .catch((error: unknown) => error)
    expect(otherModel).toBeInstanceOf(OpenAI.NotFoundError)
  })
})

describe('a key of one tenant never reaches another’s knowledge', () => {
  it('finds nothing of Globex when Acme’s key asks and searches with Globex’s own text', async () => {
    const acmeClient = client(secrets.acmeAll ?? '')
    const completion = await acmeClient.chat.completions.create({ model: 'default', messages: [{ role: 'user', content: GLOBEX_SECRET }] })
    const [globexDocument] = await withService(db, (tx) =>
      tx.query<{ id: string }>('select id from public.tenant_knowledge where tenant_id = $1', [globex.id]),
    )
    const cited = sourcesOf(completion.choices[0]?.message).map((source) => source.knowledgeId)
    expect(cited).not.toContain(String(globexDocument?.id))
    expect(completion.choices[0]?.message.content).not.toMatch(/vault nineteen/)
    const response = await fetch(`${server.url}/api/v1/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secrets.acmeAll}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: GLOBEX_SECRET, matchThreshold: 0 }),
    })
    const { results } = knowledgeSearchResponseSchema.parse(await response.json())
    expect(results.map((result) => result.knowledgeId)).not.toContain(String(globexDocument?.id))
    // The probe is not vacuous: Globex's own key finds that document first with the same text.
    const globexKey = await keyFor(globex.id, 'Globex read', ['knowledge:read'])
    const own = await fetch(`${server.url}/api/v1/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${globexKey.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: GLOBEX_SECRET }),
    })
    const ownResults = knowledgeSearchResponseSchema.parse(await own.json()).results
    expect(ownResults[0]?.knowledgeId).toBe(String(globexDocument?.id))
  })
})

describe('with a language model behind the assistant', () => {
  it('passes max_tokens on to the model and reports the tokens it spent', async () => {
    const fake = await startFakeOpenAI({ replyText: 'Weekdays, 8 to 6 [1].', usage: { prompt_tokens: 300, completion_tokens: 9 } })
    useLanguageModel({ url: fake.url, timeoutMs: 2000 })
    try {
      const completion = await client(secrets.acmeAll ?? '').chat.completions.create({
        model: 'default',
        messages: [{ role: 'user', content: 'When is the workshop open?' }],
        max_tokens: 40,
      })
      // The answer is the model's last call (reading the question comes first).
      const asked = fake.requestsTo('/v1/chat/completions').at(-1)
      expect(asked?.body.max_tokens).toBe(40)
      expect(completion.choices[0]?.message.content).toContain('Weekdays, 8 to 6')
      expect(completion.usage?.completion_tokens).toBeGreaterThanOrEqual(9)
    } finally {
      useLanguageModel({})
      await fake.close()
    }
  })
})
