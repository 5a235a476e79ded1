import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE, GET as getOne } from '@/app/api/tenant/[slug]/conversations/[id]/route'
import { GET as list } from '@/app/api/tenant/[slug]/conversations/route'
import { POST as feedback } from '@/app/api/tenant/[slug]/messages/[id]/feedback/route'
import { POST as oracle } from '@/app/api/tenant/[slug]/oracle/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { setDatabaseForTests, withService } from '@/lib/db'
import { createTenant, signedInHeaders, TEST_ORIGIN } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, seedKnowledge, signedInMember, slugParams, usageRow, useLanguageModel, type Member } from './oracle-world'

let db: TestDatabase
let tenant: { id: string; slug: string }
let alice: Member
let bob: Member
let admin: Member
let aliceThread: { conversationId: string; messageId: string }
let bobThread: { conversationId: string }

async function ask(person: Member, input: string, conversationId?: string) {
  const response = await oracle(
    oracleRequest(tenant.slug, { input, conversationId }, { cookie: person.cookie }),
    slugParams({ slug: tenant.slug }),
  )
  return { status: response.status, body: await response.json() }
}

function get(person: Member | null, path: string): Request {
  return new Request(`${TEST_ORIGIN}/api/tenant/${tenant.slug}${path}`, { headers: person ? { cookie: person.cookie } : {} })
}

function rate(person: Member, messageId: string, value: unknown): Promise<Response> {
  return feedback(
    new Request(`${TEST_ORIGIN}/api/tenant/${tenant.slug}/messages/${messageId}/feedback`, {
      method: 'POST',
      headers: signedInHeaders(person.cookie),
      body: JSON.stringify({ value }),
    }),
    slugParams({ slug: tenant.slug, id: messageId }),
  )
}

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'thread-house', name: 'Thread House' })
  await seedKnowledge(db, tenant.id, new LocalEmbedder(), [
    { title: 'Membership', content: 'A membership costs forty euros a month and can be cancelled at any time.' },
  ])
  alice = await signedInMember(db, tenant.id, 'alice@thread.test')
  bob = await signedInMember(db, tenant.id, 'bob@thread.test')
  admin = await signedInMember(db, tenant.id, 'admin@thread.test', 'admin')
  const first = await ask(alice, 'How much is a membership?')
  await ask(alice, 'Can I cancel it?', first.body.conversationId)
  aliceThread = { conversationId: first.body.conversationId, messageId: first.body.messageId }
  bobThread = (await ask(bob, 'Can a membership be cancelled?')).body
  await ask(alice, 'A second thread about memberships')
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('listing conversations', () => {
  it("shows the caller only their own threads, most recent first, with each thread's summary", async () => {
    const response = await list(get(alice, '/conversations'), slugParams({ slug: tenant.slug }))
    expect(response.status).toBe(200)
    const page = await response.json()
    expect(page.total).toBe(2)
    expect(page.items.map((item: { title: string }) => item.title)).toEqual([
      'A second thread about memberships',
      'How much is a membership?',
    ])
    expect(page.items[1]).toMatchObject({ id: aliceThread.conversationId, messageCount: 4, depthLevel: 2 })
    expect(page.items.some((item: { id: string }) => item.id === bobThread.conversationId)).toBe(false)
  })

  it('pages', async () => {
    const page = await (await list(get(alice, '/conversations?page=2&pageSize=1'), slugParams({ slug: tenant.slug }))).json()
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: 2 })
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([aliceThread.conversationId])
  })

  it('needs a session', async () => {
    expect((await list(get(null, '/conversations'), slugParams({ slug: tenant.slug }))).status).toBe(401)
  })
})

describe('one conversation', () => {
  const open = (person: Member | null, id: string) => getOne(get(person, `/conversations/${id}`), slugParams({ slug: tenant.slug, id }))

  it('comes with its messages in order for its owner', async () => {
    const body = await (await open(alice, aliceThread.conversationId)).json()
    expect(body.conversation.messages.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant'])
    expect(body.conversation.messages[0]).toMatchObject({ content: 'How much is a membership?' })
    expect(body.conversation.messages[1].sources[0]).toMatchObject({ title: 'Membership' })
  })

  it("is 404 for another member, for the tenant's admin and for a malformed id", async () => {
    expect((await open(bob, aliceThread.conversationId)).status).toBe(404)
    expect((await open(admin, aliceThread.conversationId)).status).toBe(404)
    expect((await open(alice, 'not-a-uuid')).status).toBe(404)
  })

  it('cannot be continued by someone else: 404, and nothing is counted', async () => {
    const before = await usageRow(db, tenant.id)
    const { status, body } = await ask(bob, 'Let me in', aliceThread.conversationId)
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
    expect(await usageRow(db, tenant.id)).toEqual(before)
  })

  it('can be deleted by its owner only', async () => {
    const doomed = (await ask(alice, 'A thread to delete about memberships')).body.conversationId
    const remove = (person: Member) =>
      DELETE(
        new Request(`${TEST_ORIGIN}/api/tenant/${tenant.slug}/conversations/${doomed}`, {
          method: 'DELETE',
          headers: signedInHeaders(person.cookie),
        }),
        slugParams({ slug: tenant.slug, id: doomed }),
      )
    expect((await remove(bob)).status).toBe(404)
    expect((await remove(alice)).status).toBe(204)
    expect((await open(alice, doomed)).status).toBe(404)
  })
})

describe('feedback on answers', () => {
  async function storedFeedback(id: string) {
    const rows = await withService(db, (tx) =>
      tx.query<{ feedback: number | null }>('select feedback from public.tenant_messages where id = $1', [id]),
    )
    return rows[0]?.feedback
  }

  it('is stored for an answer in the caller’s own conversation, and can be cleared', async () => {
    expect((await rate(alice, aliceThread.messageId, 1)).status).toBe(200)
    expect(await storedFeedback(aliceThread.messageId)).toBe(1)
    expect((await rate(alice, aliceThread.messageId, null)).status).toBe(200)
    expect(await storedFeedback(aliceThread.messageId)).toBeNull()
  })

  it("is 404 on someone else's answer and on a question", async () => {
    expect((await rate(bob, aliceThread.messageId, -1)).status).toBe(404)
    expect(await storedFeedback(aliceThread.messageId)).toBeNull()
    const [question] = await withService(db, (tx) =>
      tx.query<{ id: string }>("select id from public.tenant_messages where conversation_id = $1 and role = 'user' limit 1", [
        aliceThread.conversationId,
      ]),
    )
    expect((await rate(alice, question?.id ?? '', 1)).status).toBe(404)
  })

  it('accepts only 1, -1 or null', async () => {
    expect((await rate(alice, aliceThread.messageId, 2)).status).toBe(400)
  })
})
