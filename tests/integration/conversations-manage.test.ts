import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE, GET as getOne, PATCH } from '@/app/api/tenant/[slug]/conversations/[id]/route'
import { GET as list } from '@/app/api/tenant/[slug]/conversations/route'
import { POST as oracle } from '@/app/api/tenant/[slug]/oracle/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { conversationListResponseSchema, conversationRenameResponseSchema } from '@/lib/contracts/conversations'
import { errorBodySchema } from '@/lib/contracts/errors'
import { setDatabaseForTests, withService } from '@/lib/db'
import { createTenant } from '../support/auth'
import { answer, expectContract, expectNoContent } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, seedKnowledge, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

/*
 * Renaming, deleting and searching a member's own conversations through the routes,
 * grouped by who acts: the owner, another member of the same tenant (its admin too), a
 * member of another tenant, a viewer, and someone with no session.
 */

let db: TestDatabase
let home: { id: string; slug: string }
let away: { id: string; slug: string }
let alice: Member
let bob: Member
let admin: Member
let viewer: Member
let stranger: Member
let membership: string
let parking: string
let bobThread: string
let viewerThread: string

async function ask(person: Member, slug: string, input: string, conversationId?: string): Promise<string> {
  const response = await oracle(oracleRequest(slug, { input, conversationId }, { cookie: person.cookie }), slugParams({ slug }))
  expect(response.status).toBe(200)
  return ((await response.json()) as { conversationId: string }).conversationId
}

const path = (slug: string, rest = '') => `/api/tenant/${slug}/conversations${rest}`

function search(person: Member | null, q: string, slug = home.slug) {
  return answer(list, { slug }, path(slug, `?q=${encodeURIComponent(q)}`), { cookie: person?.cookie })
}

async function titlesFound(person: Member, q: string, slug = home.slug): Promise<string[]> {
  const page = expectContract(conversationListResponseSchema, await search(person, q, slug), 200)
  return page.items.map((item) => item.title)
}

function rename(person: Member | null, id: string, body: unknown, slug = home.slug) {
  return answer(PATCH, { slug, id }, path(slug, `/${id}`), { method: 'PATCH', body, cookie: person?.cookie })
}

function remove(person: Member | null, id: string, slug = home.slug) {
  return answer(DELETE, { slug, id }, path(slug, `/${id}`), { method: 'DELETE', cookie: person?.cookie })
}

async function storedTitle(id: string): Promise<string | undefined> {
  const rows = await withService(db, (tx) =>
    tx.query<{ title: string }>('select title from public.tenant_conversations where id = $1', [id]),
  )
  return rows[0]?.title
}

function expectError(reply: { status: number; body: unknown }, status: number, code: string): void {
  expect(expectContract(errorBodySchema, reply, status).error.code).toBe(code)
}

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  home = await createTenant(db, { slug: 'manage-house', name: 'Manage House' })
  away = await createTenant(db, { slug: 'manage-away', name: 'Manage Away' })
  await seedKnowledge(db, home.id, new LocalEmbedder(), [
    { title: 'Membership', content: 'A membership costs forty euros a month and can be cancelled at any time.' },
    { title: 'Parking', content: 'Guests park in the underground garage on Quay Street for twelve euros a day.' },
  ])
  alice = await signedInMember(db, home.id, 'alice@manage.test')
  bob = await signedInMember(db, home.id, 'bob@manage.test')
  admin = await signedInMember(db, home.id, 'admin@manage.test', 'admin')
  viewer = await signedInMember(db, home.id, 'viewer@manage.test', 'viewer')
  stranger = await signedInMember(db, away.id, 'stranger@manage.test')
  membership = await ask(alice, home.slug, 'How much is a membership?')
  await ask(alice, home.slug, 'Can I cancel it whenever I like?', membership)
  parking = await ask(alice, home.slug, 'Where do guests park the car?')
  bobThread = await ask(bob, home.slug, 'Is a membership cancellable? 100% sure_please')
  await ask(stranger, away.slug, 'How much is a membership?')
  // Viewers cannot ask; their past threads (from when they could) are theirs to read and delete.
  viewerThread = await withService(db, async (tx) => {
    const rows = await tx.query<{ id: string }>(
      'insert into public.tenant_conversations (tenant_id, user_id, title) values ($1, $2, $3) returning id',
      [home.id, viewer.userId, 'A thread from before'],
    )
    return rows[0]?.id ?? ''
  })
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('searching conversations (?q=)', () => {
  it("finds the owner's threads by a word of the title, whatever its case", async () => {
    expect(await titlesFound(alice, 'MEMBERSHIP')).toEqual(['How much is a membership?'])
  })

  it('finds a thread by the text of a later question and of an answer, not only its title', async () => {
    expect(await titlesFound(alice, 'whenever I like')).toEqual(['How much is a membership?'])
    expect(await titlesFound(alice, 'Quay Street')).toEqual(['Where do guests park the car?'])
  })

  it("never finds another member's threads, nor another tenant's, for the same words", async () => {
    expect(await titlesFound(bob, 'whenever I like')).toEqual([])
    expect(await titlesFound(admin, 'membership')).toEqual([])
    expect(await titlesFound(stranger, 'whenever I like', away.slug)).toEqual([])
    expect(await titlesFound(bob, 'membership')).toEqual(['Is a membership cancellable? 100% sure_please'])
  })

  it('takes % and _ as the characters themselves, not as wildcards', async () => {
    expect(await titlesFound(bob, '100%')).toHaveLength(1)
    expect(await titlesFound(bob, '0% s')).toHaveLength(1)
    expect(await titlesFound(bob, 'sure_please')).toHaveLength(1)
    expect(await titlesFound(bob, 'sure%please')).toEqual([])
    expect(await titlesFound(bob, 'sure_pleas_')).toEqual([])
  })

  it('lists every thread for a blank query and counts only the matches for a real one', async () => {
    const all = expectContract(conversationListResponseSchema, await search(alice, '   '), 200)
    expect(all.total).toBe(2)
    const some = expectContract(conversationListResponseSchema, await search(alice, 'park'), 200)
    expect(some.total).toBe(1)
  })

  it('is 400 for a query over 200 characters and 401 without a session', async () => {
    expectError(await search(alice, 'x'.repeat(201)), 400, 'bad_request')
    expectError(await search(null, 'membership'), 401, 'unauthorized')
  })
})

describe('renaming a conversation (PATCH)', () => {
  it('renames the owner’s thread, answers its summary and keeps its place in the history', async () => {
    const before = expectContract(conversationListResponseSchema, await search(alice, ''), 200).items.map((item) => item.id)
    const summary = expectContract(
      conversationRenameResponseSchema,
      await rename(alice, membership, { title: '  Membership\n fees ' }),
      200,
    )
    expect(summary).toMatchObject({ id: membership, title: 'Membership fees', messageCount: 4 })
    expect(await storedTitle(membership)).toBe('Membership fees')
    const after = expectContract(conversationListResponseSchema, await search(alice, ''), 200).items.map((item) => item.id)
    expect(after).toEqual(before)
    expect(await titlesFound(alice, 'fees')).toEqual(['Membership fees'])
  })

  it("is 404 for another member's thread, for the tenant's admin and for another tenant's member, and changes nothing", async () => {
    expectError(await rename(bob, parking, { title: 'Taken over' }), 404, 'not_found')
    expectError(await rename(admin, parking, { title: 'Taken over' }), 404, 'not_found')
    expectError(await rename(stranger, parking, { title: 'Taken over' }, away.slug), 404, 'not_found')
    expectError(await rename(stranger, parking, { title: 'Taken over' }), 404, 'not_found')
    expect(await storedTitle(parking)).toBe('Where do guests park the car?')
  })

  it('is 403 for a viewer renaming their own thread, which they can still read', async () => {
    expectError(await rename(viewer, viewerThread, { title: 'Mine' }), 403, 'forbidden')
    expect(await storedTitle(viewerThread)).toBe('A thread from before')
    expect(
      (await answer(getOne, { slug: home.slug, id: viewerThread }, path(home.slug, `/${viewerThread}`), { cookie: viewer.cookie })).status,
    ).toBe(200)
  })

  it('is 400 for a blank, too long, missing or non-text title, and 404 for an id that is not one', async () => {
    for (const body of [{ title: ' \n\t ' }, { title: 'x'.repeat(201) }, {}, { title: 42 }, 'not json']) {
      expectError(await rename(alice, parking, body), 400, 'bad_request')
    }
    expectError(await rename(alice, 'not-a-uuid', { title: 'Fine' }), 404, 'not_found')
    expect(await storedTitle(parking)).toBe('Where do guests park the car?')
  })

  it('is 401 without a session', async () => {
    expectError(await rename(null, parking, { title: 'Anyone' }), 401, 'unauthorized')
  })
})

describe('deleting a conversation (DELETE)', () => {
  it("is 404 for another member, the tenant's admin and another tenant's member, and the thread stays", async () => {
    expectError(await remove(bob, parking), 404, 'not_found')
    expectError(await remove(admin, parking), 404, 'not_found')
    expectError(await remove(stranger, parking, away.slug), 404, 'not_found')
    expectError(await remove(alice, bobThread), 404, 'not_found')
    expect(await storedTitle(parking)).toBeDefined()
    expect(await storedTitle(bobThread)).toBeDefined()
  })

  it('removes the owner’s thread and its messages; it is then 404 and no longer found', async () => {
    expectNoContent(await remove(alice, parking))
    expect(await storedTitle(parking)).toBeUndefined()
    const messages = await withService(db, (tx) => tx.query('select 1 from public.tenant_messages where conversation_id = $1', [parking]))
    expect(messages).toHaveLength(0)
    expectError(
      await answer(getOne, { slug: home.slug, id: parking }, path(home.slug, `/${parking}`), { cookie: alice.cookie }),
      404,
      'not_found',
    )
    expect(await titlesFound(alice, 'Quay Street')).toEqual([])
    expectError(await remove(alice, parking), 404, 'not_found')
  })

  it('lets a viewer delete their own thread', async () => {
    expectNoContent(await remove(viewer, viewerThread))
    expect(await storedTitle(viewerThread)).toBeUndefined()
  })
})
