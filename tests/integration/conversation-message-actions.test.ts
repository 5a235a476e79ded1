import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as getOne } from '@/app/api/tenant/[slug]/conversations/[id]/route'
import { POST as oracle } from '@/app/api/tenant/[slug]/oracle/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { conversationResponseSchema, type Conversation } from '@/lib/contracts/conversations'
import { setDatabaseForTests, withService } from '@/lib/db'
import { createTenant } from '../support/auth'
import { answer as reply, expectContract } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, seedKnowledge, signedInMember, slugParams, usageRow, useLanguageModel, type Member } from './oracle-world'

/*
 * Message actions stored in the thread: asking a question again with the same text
 * (regenerate) keeps the earlier answer as an alternative; with other text (edit and
 * resend) the thread continues from the edited question and what followed leaves it; a
 * streamed answer the member stops is kept, marked stopped.
 */

let db: TestDatabase
let tenant: { id: string; slug: string }
let alice: Member
let bob: Member

type Asked = {
  status: number
  body: { conversationId: string; messageId: string; questionId: string; response: string; error?: { code: string } }
}

async function ask(person: Member, body: Record<string, unknown>): Promise<Asked> {
  const response = await oracle(oracleRequest(tenant.slug, body, { cookie: person.cookie }), slugParams({ slug: tenant.slug }))
  return { status: response.status, body: await response.json() }
}

async function thread(person: Member, id: string): Promise<Conversation> {
  const got = await reply(getOne, { slug: tenant.slug, id }, `/api/tenant/${tenant.slug}/conversations/${id}`, { cookie: person.cookie })
  return expectContract(conversationResponseSchema, got, 200).conversation
}

const shape = (conversation: Conversation) => conversation.messages.map((message) => `${message.role}:${message.content.slice(0, 24)}`)

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'action-house', name: 'Action House' })
  await seedKnowledge(db, tenant.id, new LocalEmbedder(), [
    {
      title: 'Breakfast',
      content:
        'Breakfast is served from seven to ten in the garden room. It includes fresh bread, local cheese, fruit, yoghurt, ' +
        'eggs cooked to order and coffee roasted in the village. Guests with allergies tell the kitchen the evening before.',
    },
    { title: 'Bicycles', content: 'Bicycles can be borrowed at the front desk for free, with helmets and a map of the lake path.' },
  ])
  alice = await signedInMember(db, tenant.id, 'alice@actions.test')
  bob = await signedInMember(db, tenant.id, 'bob@actions.test')
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('asking a question again with the same text (regenerate)', () => {
  it('adds a new answer to it and keeps the earlier one as its alternative, counting one message', async () => {
    const first = await ask(alice, { input: 'When is breakfast served?' })
    const second = await ask(alice, { input: 'Can I borrow a bicycle?', conversationId: first.body.conversationId })
    const id = first.body.conversationId
    const before = await usageRow(db, tenant.id)

    const again = await ask(alice, { input: 'Can I borrow a bicycle?', conversationId: id, resend: second.body.questionId })
    expect(again.status).toBe(200)
    expect(again.body.questionId).toBe(second.body.questionId)
    expect(again.body.messageId).not.toBe(second.body.messageId)
    expect((await usageRow(db, tenant.id)).messages).toBe(before.messages + 1)

    const shown = await thread(alice, id)
    expect(shown.messages.map((message) => message.id)).toEqual([
      first.body.questionId,
      first.body.messageId,
      second.body.questionId,
      again.body.messageId,
    ])
    expect(shown.messages[3]?.alternatives.map((alternative) => alternative.id)).toEqual([second.body.messageId])
    expect(shown.messages[1]?.alternatives).toEqual([])
    expect(shown.depthLevel).toBe(2)
  })

  it('of an earlier question, takes the later messages out of the thread', async () => {
    const first = await ask(alice, { input: 'When is breakfast served?' })
    const id = first.body.conversationId
    await ask(alice, { input: 'Can I borrow a bicycle?', conversationId: id })
    const again = await ask(alice, { input: 'When is breakfast served?', conversationId: id, resend: first.body.questionId })
    const shown = await thread(alice, id)
    expect(shown.messages.map((message) => message.id)).toEqual([first.body.questionId, again.body.messageId])
    expect(shown.messages[1]?.alternatives.map((alternative) => alternative.id)).toEqual([first.body.messageId])
    expect(shown.depthLevel).toBe(1)
  })
})

describe('editing a question and sending it again', () => {
  it('continues the thread from the edited question: it and everything after it leave the visible thread', async () => {
    const first = await ask(alice, { input: 'When is breakfast served?' })
    const id = first.body.conversationId
    const second = await ask(alice, { input: 'Is there cheese at breakfast?', conversationId: id })
    await ask(alice, { input: 'Can I borrow a bicycle?', conversationId: id })

    const edited = await ask(alice, { input: 'Are there helmets with the bicycles?', conversationId: id, resend: second.body.questionId })
    expect(edited.status).toBe(200)
    expect(edited.body.questionId).not.toBe(second.body.questionId)
    const shown = await thread(alice, id)
    expect(shown.messages.map((message) => message.id)).toEqual([
      first.body.questionId,
      first.body.messageId,
      edited.body.questionId,
      edited.body.messageId,
    ])
    expect(shown.messages[2]?.content).toBe('Are there helmets with the bicycles?')
    expect(shown.messages[3]?.alternatives).toEqual([])
    expect(shown.depthLevel).toBe(2)
    // Kept, not deleted: the rows are still there, out of the thread.
    const hidden = await withService(db, (tx) =>
      tx.query('select 1 from public.tenant_messages where conversation_id = $1 and superseded', [id]),
    )
    expect(hidden).toHaveLength(4)
  })

  it('is 404 for a question of another member, one that left the thread, or an answer; 400 without the thread', async () => {
    const first = await ask(alice, { input: 'When is breakfast served?' })
    const id = first.body.conversationId
    expect((await ask(bob, { input: 'Mine now', conversationId: id, resend: first.body.questionId })).status).toBe(404)
    expect((await ask(alice, { input: 'An answer', conversationId: id, resend: first.body.messageId })).status).toBe(404)
    await ask(alice, { input: 'Edited breakfast question', conversationId: id, resend: first.body.questionId })
    const stale = await ask(alice, { input: 'Once more', conversationId: id, resend: first.body.questionId })
    expect(stale.status).toBe(404)
    expect(stale.body.error?.code).toBe('not_found')
    const orphan = await ask(alice, { input: 'No thread', resend: first.body.questionId })
    expect(orphan.status).toBe(400)
    expect((await thread(alice, id)).messages).toHaveLength(2)
  })
})

describe('stopping a streamed answer', () => {
  it('keeps what was streamed until the stop, marked stopped, in the thread', async () => {
    const first = await ask(alice, { input: 'When is breakfast served?' })
    const id = first.body.conversationId
    const controller = new AbortController()
    const request = oracleRequest(
      tenant.slug,
      { input: 'What is served at breakfast?', conversationId: id },
      { cookie: alice.cookie, stream: true },
    )
    const response = await oracle(new Request(request, { signal: controller.signal }), slugParams({ slug: tenant.slug }))
    const reader = response.body?.getReader()
    if (!reader) throw new Error('no stream')
    const decoder = new TextDecoder()
    let text = ''
    while (!text.includes('event: token')) text += decoder.decode((await reader.read()).value, { stream: true })
    controller.abort()
    await reader.cancel()

    let stored: Conversation | undefined
    for (let attempt = 0; attempt < 50 && (stored?.messages.length ?? 0) < 4; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      stored = await thread(alice, id)
    }
    const last = stored?.messages.at(-1)
    expect(stored && shape(stored).at(-2)).toBe('user:What is served at breakf')
    expect(last).toMatchObject({ role: 'assistant', stopped: true })
    expect(last?.content.length).toBeGreaterThan(0)
    expect(text).not.toContain('event: done')
    expect(stored?.messages[1]?.stopped).toBe(false)
  })
})
