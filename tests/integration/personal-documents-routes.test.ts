import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as removeDocumentRoute, GET as readDocumentRoute } from '@/app/api/tenant/[slug]/my/documents/[id]/route'
import { GET as listDocumentsRoute, POST as addDocumentRoute } from '@/app/api/tenant/[slug]/my/documents/route'
import { GET as tenantActivityRoute } from '@/app/api/admin/tenants/[id]/activity/route'
import { GET as myActivityRoute } from '@/app/api/tenant/[slug]/my/activity/route'
import { POST as oracleRoute } from '@/app/api/tenant/[slug]/oracle/route'
import { DELETE as removeShareRoute } from '@/app/api/tenant/[slug]/shares/[id]/route'
import { GET as sharedConversationRoute } from '@/app/api/tenant/[slug]/shared/conversations/[id]/route'
import { GET as listSharesRoute, POST as addShareRoute } from '@/app/api/tenant/[slug]/shares/route'
import { memberActivityListSchema, myActivitySchema } from '@/lib/contracts/activity'
import { errorBodySchema } from '@/lib/contracts/errors'
import { oracleResponseSchema } from '@/lib/contracts/oracle'
import {
  myDocumentCreatedSchema,
  myDocumentListSchema,
  myDocumentSchema,
  myDocumentsUploadedSchema,
} from '@/lib/contracts/personal-documents'
import { sharedConversationSchema, shareListSchema, shareSchema } from '@/lib/contracts/shares'
import { setDatabaseForTests, withUser } from '@/lib/db'
import { TEST_ORIGIN, createTenant } from '../support/auth'
import { answer, expectContract, expectNoContent, read } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

/*
 * A member's own documents and shares through their routes: JSON and files in, private
 * to the owner (others, admins included, get 404 and no trace in their answers), counted
 * in the tenant's storage, shared with a member and taken back.
 */

const NOTE = 'The greenhouse thermostat code is 4417 and the spare hose sits behind the compost bins.'

let db: TestDatabase
let tenant: { id: string; slug: string }
let owner: Member
let friend: Member
let admin: Member
let viewer: Member

const params = () => ({ slug: tenant.slug })
const docsPath = () => `/api/tenant/${tenant.slug}/my/documents`
const sharesPath = () => `/api/tenant/${tenant.slug}/shares`

async function ask(member: Member, input: string) {
  const response = await oracleRoute(oracleRequest(tenant.slug, { input }, { cookie: member.cookie }), slugParams(params()))
  return expectContract(oracleResponseSchema, { status: response.status, body: await response.json() }, 200)
}

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'greenhouse-docs' })
  owner = await signedInMember(db, tenant.id, 'owner@greenhouse.test')
  friend = await signedInMember(db, tenant.id, 'friend@greenhouse.test')
  admin = await signedInMember(db, tenant.id, 'admin@greenhouse.test', 'admin')
  viewer = await signedInMember(db, tenant.id, 'viewer@greenhouse.test', 'viewer')
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('my documents', () => {
  let noteId = ''

  it('takes a JSON document, private to its owner, and the same text twice is 409', async () => {
    const body = { title: 'Greenhouse notes', content: NOTE }
    const created = expectContract(
      myDocumentCreatedSchema,
      await answer(addDocumentRoute, params(), docsPath(), { method: 'POST', cookie: owner.cookie, body }),
      201,
    )
    noteId = created.id
    expect((await answer(addDocumentRoute, params(), docsPath(), { method: 'POST', cookie: owner.cookie, body })).status).toBe(409)
    const again = await answer(addDocumentRoute, params(), docsPath(), { method: 'POST', cookie: friend.cookie, body })
    expect(again.status).toBe(201)
  })

  it('takes files as multipart/form-data, each its own document', async () => {
    const form = new FormData()
    form.append('file', new File(['# Seeds\n\nTomato seeds go in the top drawer.'], 'seeds.md', { type: 'text/markdown' }))
    form.append('file', new File([''], 'empty.txt', { type: 'text/plain' }))
    const reply = await read(
      await addDocumentRoute(
        new Request(`${TEST_ORIGIN}${docsPath()}`, { method: 'POST', headers: { cookie: owner.cookie, origin: TEST_ORIGIN }, body: form }),
        { params: Promise.resolve(params()) },
      ),
    )
    const { documents } = expectContract(myDocumentsUploadedSchema, reply, 201)
    expect(documents[0]).toMatchObject({ fileName: 'seeds.md', chunkCount: 1 })
    expect(documents[0]?.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(documents[1]).toMatchObject({ fileName: 'empty.txt', id: null, error: { code: 'unprocessable' } })
  })

  it('lists and reads them for their owner only; anyone else’s read or delete is 404', async () => {
    const mine = expectContract(myDocumentListSchema, await answer(listDocumentsRoute, params(), docsPath(), { cookie: owner.cookie }), 200)
    expect(mine.items.map((item) => item.title).sort()).toEqual(['Greenhouse notes', 'Seeds'])
    expect(mine.usedBytes).toBeGreaterThan(Buffer.byteLength(NOTE))
    const read = await answer(readDocumentRoute, { ...params(), id: noteId }, `${docsPath()}/${noteId}`, { cookie: owner.cookie })
    expect(expectContract(myDocumentSchema, read, 200).document.content).toBe(NOTE)
    for (const other of [friend, admin, viewer]) {
      expect(
        (await answer(readDocumentRoute, { ...params(), id: noteId }, `${docsPath()}/${noteId}`, { cookie: other.cookie })).status,
      ).toBe(404)
      expect(
        (
          await answer(removeDocumentRoute, { ...params(), id: noteId }, `${docsPath()}/${noteId}`, {
            method: 'DELETE',
            cookie: other.cookie,
          })
        ).status,
      ).toBe(404)
    }
  })

  it('are not added by viewers (403)', async () => {
    const reply = await answer(addDocumentRoute, params(), docsPath(), {
      method: 'POST',
      cookie: viewer.cookie,
      body: { title: 'Viewer', content: 'Nope.' },
    })
    expect(expectContract(errorBodySchema, reply, 403).error.code).toBe('forbidden')
  })

  it('ground their owner’s answers and leave no trace in another member’s', async () => {
    const mine = await ask(owner, 'What is the greenhouse thermostat code?')
    expect(mine.knowledgeSources[0]).toMatchObject({ knowledgeId: noteId, origin: { kind: 'personal' } })
    expect(mine.response).toContain('4417')
    const theirs = await ask(admin, 'What is the greenhouse thermostat code?')
    expect(theirs.knowledgeSources.map((source) => source.knowledgeId)).not.toContain(noteId)
    expect(theirs.response).not.toContain('4417')
  })

  it('shared with a member ground that member’s answers until the share is revoked', async () => {
    const share = expectContract(
      shareSchema,
      await answer(addShareRoute, params(), sharesPath(), {
        method: 'POST',
        cookie: owner.cookie,
        body: { resourceType: 'document', resourceId: noteId, grantee: { userId: admin.userId } },
      }),
      201,
    )
    expect(share).toMatchObject({ resourceTitle: 'Greenhouse notes', grantee: { userId: admin.userId }, ownerId: owner.userId })
    expect((await ask(admin, 'What is the greenhouse thermostat code?')).response).toContain('4417')
    const listed = expectContract(shareListSchema, await answer(listSharesRoute, params(), sharesPath(), { cookie: admin.cookie }), 200)
    expect(listed).toMatchObject({ mine: [], sharedWithMe: [{ id: share.id }] })
    expect(
      (
        await answer(removeShareRoute, { ...params(), id: share.id }, `${sharesPath()}/${share.id}`, {
          method: 'DELETE',
          cookie: admin.cookie,
        })
      ).status,
    ).toBe(404)
    expectNoContent(
      await answer(removeShareRoute, { ...params(), id: share.id }, `${sharesPath()}/${share.id}`, {
        method: 'DELETE',
        cookie: owner.cookie,
      }),
    )
    expect((await ask(admin, 'What is the greenhouse thermostat code?')).response).not.toContain('4417')
  })

  it('share a conversation read-only: its grantee reads it, cannot write to it, and loses it on revoke', async () => {
    const asked = await ask(owner, 'What is the greenhouse thermostat code?')
    const share = expectContract(
      shareSchema,
      await answer(addShareRoute, params(), sharesPath(), {
        method: 'POST',
        cookie: owner.cookie,
        body: { resourceType: 'conversation', resourceId: asked.conversationId, grantee: { userId: friend.userId } },
      }),
      201,
    )
    const seen = await withUser(db, friend.claims, async (tx) => {
      const messages = await tx.query('select id from public.tenant_messages where conversation_id = $1', [asked.conversationId])
      const renamed = await tx.query("update public.tenant_conversations set title = 'Mine now' where id = $1 returning id", [
        asked.conversationId,
      ])
      return { messages: messages.length, renamed: renamed.length }
    })
    expect(seen).toEqual({ messages: 2, renamed: 0 })
    const path = `/api/tenant/${tenant.slug}/shared/conversations/${asked.conversationId}`
    const openShared = (cookie: string) =>
      answer(sharedConversationRoute, { ...params(), id: asked.conversationId ?? '' }, path, { cookie })
    const opened = expectContract(sharedConversationSchema, await openShared(friend.cookie), 200)
    expect(opened.messages.map((message) => message.role)).toEqual(['user', 'assistant'])
    expect(opened.messages[1]?.sources).toEqual([])
    expect(asked.knowledgeSources.length).toBeGreaterThan(0)
    expect((await openShared(viewer.cookie)).status).toBe(404)
    expectNoContent(
      await answer(removeShareRoute, { ...params(), id: share.id }, `${sharesPath()}/${share.id}`, {
        method: 'DELETE',
        cookie: owner.cookie,
      }),
    )
    expect((await openShared(friend.cookie)).status).toBe(404)
  })

  it('shows in the admin’s activity view as a count and a size, and in the owner’s own', async () => {
    const adminPath = `/api/admin/tenants/${tenant.id}/activity`
    const all = expectContract(
      memberActivityListSchema,
      await answer(tenantActivityRoute, { id: tenant.id }, adminPath, { cookie: admin.cookie }),
      200,
    )
    const ownerRow = all.members.find((row) => row.userId === owner.userId)
    expect(ownerRow).toMatchObject({ personalDocuments: 2, conversations: 2, uploads: 0 })
    expect(ownerRow?.personalBytes).toBeGreaterThan(Buffer.byteLength(NOTE))
    expect(ownerRow?.lastActiveAt).not.toBeNull()
    expect(all.members).toHaveLength(4)
    expect((await answer(tenantActivityRoute, { id: tenant.id }, adminPath, { cookie: friend.cookie })).status).toBe(403)
    const mine = expectContract(
      myActivitySchema,
      await answer(myActivityRoute, params(), `/api/tenant/${tenant.slug}/my/activity`, { cookie: friend.cookie }),
      200,
    )
    expect(mine.activity).toMatchObject({ userId: friend.userId, personalDocuments: 1, conversations: 0 })
  })

  it('is removed by its owner with its storage', async () => {
    const before = expectContract(
      myDocumentListSchema,
      await answer(listDocumentsRoute, params(), docsPath(), { cookie: owner.cookie }),
      200,
    )
    expectNoContent(
      await answer(removeDocumentRoute, { ...params(), id: noteId }, `${docsPath()}/${noteId}`, { method: 'DELETE', cookie: owner.cookie }),
    )
    const after = expectContract(
      myDocumentListSchema,
      await answer(listDocumentsRoute, params(), docsPath(), { cookie: owner.cookie }),
      200,
    )
    expect(after.items).toHaveLength(before.items.length - 1)
    expect(after.usedBytes).toBe(before.usedBytes - Buffer.byteLength(NOTE))
  })
})
