import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as deleteConversationRoute, GET as getConversationRoute } from '@/app/api/tenant/[slug]/conversations/[id]/route'
import { GET as listConversationsRoute } from '@/app/api/tenant/[slug]/conversations/route'
import { POST as feedbackRoute } from '@/app/api/tenant/[slug]/messages/[id]/feedback/route'
import { POST as oracleRoute } from '@/app/api/tenant/[slug]/oracle/route'
import { POST as previewRoute } from '@/app/api/tenant/[slug]/preview/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { conversationListResponseSchema, conversationResponseSchema, feedbackResponseSchema } from '@/lib/contracts/conversations'
import { errorBodySchema } from '@/lib/contracts/errors'
import { oracleEventSchemas, oracleResponseSchema, previewResponseSchema, type OracleEventName } from '@/lib/contracts/oracle'
import { setDatabaseForTests } from '@/lib/db'
import { addMember, loginCookie } from '../support/auth'
import { startFakeOpenAI } from '../support/fake-openai'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld } from './admin-world'
import { createLimitedTenant, readEvents, seedKnowledge, useLanguageModel } from './oracle-world'
import { answer, expectContract, expectNoContent, call } from '../support/route-calls'

/* The oracle, conversation, feedback and preview routes, called for real; each answer and each stream event must parse by its contract. */

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

let db: TestDatabase
let world: AdminWorld
let slug: string
let admin: string
let user: string
let viewer: string

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'co')
  slug = world.home.slug
  await seedKnowledge(db, world.home.id, new LocalEmbedder(), [
    { title: 'Check-in', content: 'Check-in starts at three in the afternoon; the front desk keeps luggage until then.' },
  ])
  admin = await loginCookie(db, world.home.admin.userId)
  user = await loginCookie(db, world.home.user.userId)
  viewer = await loginCookie(db, world.home.viewer.userId)
})
afterAll(async () => {
  useLanguageModel({})
  setDatabaseForTests(undefined)
  await db.close()
})

function isEventName(name: string): name is OracleEventName {
  return Object.hasOwn(oracleEventSchemas, name)
}

/** Reads a whole stream and parses each event's data by the schema its name selects. */
async function streamedEvents(response: Response): Promise<OracleEventName[]> {
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/event-stream')
  const events = await readEvents(response)
  return events.map(({ event, data }) => {
    if (!isEventName(event)) throw new Error(`the stream sent an event the contract does not name: ${event}`)
    const parsed = oracleEventSchemas[event].safeParse(data)
    expect(parsed.success ? null : parsed.error.issues).toBeNull()
    return event
  })
}

const ask = (cookie: string | undefined, body: unknown, headers?: Record<string, string>) =>
  answer(oracleRoute, { slug }, `/api/tenant/${slug}/oracle`, { method: 'POST', cookie, body, headers })

describe('the oracle answers by the oracle contract', () => {
  it('a JSON answer parses by oracleResponseSchema, with the sources it drew on', async () => {
    const reply = await ask(user, { input: 'When does check-in start?' })
    const body = expectContract(oracleResponseSchema, reply, 200)
    expect(body.knowledgeSources).not.toEqual([])
    expect(body.conversationId).not.toBeNull()
    expect(body.messageId).not.toBeNull()
  })

  it('a streamed answer is meta, tokens, then done, each event parsed by its schema', async () => {
    const response = await call(oracleRoute, { slug }, `/api/tenant/${slug}/oracle`, {
      method: 'POST',
      cookie: user,
      body: { input: 'Can the front desk keep my luggage before check-in?' },
      headers: { accept: 'text/event-stream' },
    })
    const names = await streamedEvents(response)
    expect(names[0]).toBe('meta')
    expect(names.at(-1)).toBe('done')
    expect(names.slice(1, -1).every((name) => name === 'token')).toBe(true)
    expect(names.length).toBeGreaterThan(2)
  })

  it('a stream that fails after it started ends with an error event parsed by its schema', async () => {
    const fake = await startFakeOpenAI({ replyText: 'Check-in starts at three [1].', chunkDelayMs: 1_500 })
    useLanguageModel({ url: fake.url, timeoutMs: 1000 })
    try {
      const response = await call(oracleRoute, { slug }, `/api/tenant/${slug}/oracle`, {
        method: 'POST',
        cookie: user,
        body: { input: 'When does check-in start?' },
        headers: { accept: 'text/event-stream' },
      })
      const names = await streamedEvents(response)
      expect(names[0]).toBe('meta')
      expect(names.at(-1)).toBe('error')
      expect(names).not.toContain('done')
    } finally {
      useLanguageModel({})
      await fake.close()
    }
  })

  it('the preview answers by previewResponseSchema', async () => {
    const reply = await answer(previewRoute, { slug }, `/api/tenant/${slug}/preview`, {
      method: 'POST',
      cookie: admin,
      body: { input: 'When does check-in start?', draft: { maiaPersonality: { name: 'Draft Dana' } } },
    })
    const body = expectContract(previewResponseSchema, reply, 200)
    expect(body).toMatchObject({ conversationId: null, messageId: null })
  })
})

describe('refusals of the oracle and the preview answer the one error shape', () => {
  it('a bad body is 400, a missing session 401, a viewer 403', async () => {
    expectContract(errorBodySchema, await ask(user, { input: '' }), 400)
    expectContract(errorBodySchema, await ask(user, { input: 'Hello?', conversationId: 'nope' }), 400)
    expectContract(errorBodySchema, await ask(undefined, { input: 'Hello?' }), 401)
    expectContract(errorBodySchema, await ask(viewer, { input: 'Hello?' }), 403)
    const preview = await answer(previewRoute, { slug }, `/api/tenant/${slug}/preview`, {
      method: 'POST',
      cookie: user,
      body: { input: 'Hi' },
    })
    expectContract(errorBodySchema, preview, 403)
  })

  it('an unknown conversation to continue is 404', async () => {
    expectContract(errorBodySchema, await ask(user, { input: 'And then?', conversationId: UNKNOWN_ID }), 404)
  })

  it('a question beyond the monthly limit is 429 with Retry-After, streamed or not', async () => {
    const tenant = await createLimitedTenant(db, { slug: 'co-tiny' }, { conversationsPerMonth: 1 })
    await addMember(db, tenant.id, world.home.user.userId, 'user')
    const path = `/api/tenant/${tenant.slug}/oracle`
    const first = await answer(oracleRoute, { slug: tenant.slug }, path, { method: 'POST', cookie: user, body: { input: 'First thread' } })
    expectContract(oracleResponseSchema, first, 200)
    for (const accept of ['application/json', 'text/event-stream']) {
      const refused = await answer(oracleRoute, { slug: tenant.slug }, path, {
        method: 'POST',
        cookie: user,
        body: { input: 'Another thread' },
        headers: { accept },
      })
      expect(expectContract(errorBodySchema, refused, 429).error.code).toBe('limit_reached')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    }
  })
})

describe('conversation and feedback routes answer by the conversations contract', () => {
  let thread: { conversationId: string; messageId: string }

  beforeAll(async () => {
    const body = oracleResponseSchema.parse((await ask(user, { input: 'Where can I leave my luggage before check-in?' })).body)
    if (!body.conversationId || !body.messageId) throw new Error('the answer was not stored')
    thread = { conversationId: body.conversationId, messageId: body.messageId }
  })

  it('GET /conversations lists the caller’s threads by conversationListResponseSchema', async () => {
    const reply = await answer(listConversationsRoute, { slug }, `/api/tenant/${slug}/conversations?pageSize=5`, { cookie: user })
    const page = expectContract(conversationListResponseSchema, reply, 200)
    expect(page.items.map((item) => item.id)).toContain(thread.conversationId)
  })

  it('GET /conversations/[id] answers the thread with its messages and their sources by conversationResponseSchema', async () => {
    const id = thread.conversationId
    const reply = await answer(getConversationRoute, { slug, id }, `/api/tenant/${slug}/conversations/${id}`, { cookie: user })
    const { conversation } = expectContract(conversationResponseSchema, reply, 200)
    expect(conversation.messages.map((message) => message.role)).toEqual(['user', 'assistant'])
    expect(conversation.messages[1]?.sources).not.toEqual([])
  })

  it('POST /messages/[id]/feedback answers the rating by feedbackResponseSchema', async () => {
    const id = thread.messageId
    const path = `/api/tenant/${slug}/messages/${id}/feedback`
    const rated = await answer(feedbackRoute, { slug, id }, path, { method: 'POST', cookie: user, body: { value: 1 } })
    expect(expectContract(feedbackResponseSchema, rated, 200)).toEqual({ id, feedback: 1 })
    const cleared = await answer(feedbackRoute, { slug, id }, path, { method: 'POST', cookie: user, body: { value: null } })
    expect(expectContract(feedbackResponseSchema, cleared, 200)).toEqual({ id, feedback: null })
  })

  it('DELETE /conversations/[id] answers 204 with no body', async () => {
    const id = oracleResponseSchema.parse((await ask(user, { input: 'A thread to delete about check-in' })).body).conversationId ?? ''
    const removed = await answer(deleteConversationRoute, { slug, id }, `/api/tenant/${slug}/conversations/${id}`, {
      method: 'DELETE',
      cookie: user,
    })
    expectNoContent({ status: removed.status, body: removed.body })
  })

  it('refusals answer the one error shape: unknown conversation or answer 404, bad query or rating 400, no session 401', async () => {
    const id = UNKNOWN_ID
    const path = `/api/tenant/${slug}/conversations`
    expectContract(errorBodySchema, await answer(getConversationRoute, { slug, id }, `${path}/${id}`, { cookie: user }), 404)
    expectContract(
      errorBodySchema,
      await answer(deleteConversationRoute, { slug, id }, `${path}/${id}`, { method: 'DELETE', cookie: user }),
      404,
    )
    const feedbackPath = `/api/tenant/${slug}/messages/${id}/feedback`
    expectContract(
      errorBodySchema,
      await answer(feedbackRoute, { slug, id }, feedbackPath, { method: 'POST', cookie: user, body: { value: 1 } }),
      404,
    )
    const messageId = thread.messageId
    const badRating = await answer(feedbackRoute, { slug, id: messageId }, `/api/tenant/${slug}/messages/${messageId}/feedback`, {
      method: 'POST',
      cookie: user,
      body: { value: 5 },
    })
    expectContract(errorBodySchema, badRating, 400)
    expectContract(errorBodySchema, await answer(listConversationsRoute, { slug }, `${path}?pageSize=0`, { cookie: user }), 400)
    expectContract(errorBodySchema, await answer(listConversationsRoute, { slug }, path, {}), 401)
  })
})
