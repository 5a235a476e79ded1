import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as listCollectionsRoute, POST as addCollectionRoute } from '@/app/api/admin/tenants/[id]/collections/route'
import { DELETE as removeMemberRoute, POST as addMemberRoute } from '@/app/api/admin/tenants/[id]/groups/[groupId]/members/route'
import { DELETE as removeGroupRoute, PUT as renameGroupRoute } from '@/app/api/admin/tenants/[id]/groups/[groupId]/route'
import { GET as listGroupsRoute, POST as addGroupRoute } from '@/app/api/admin/tenants/[id]/groups/route'
import { PUT as placeRoute } from '@/app/api/admin/tenants/[id]/knowledge/[knowledgeId]/route'
import { POST as addKnowledgeRoute } from '@/app/api/admin/tenants/[id]/knowledge/route'
import { collectionListSchema, collectionSchema, documentPlacementSchema } from '@/lib/contracts/collections'
import { errorBodySchema } from '@/lib/contracts/errors'
import { groupListSchema, groupSchema } from '@/lib/contracts/groups'
import { knowledgeCreatedResponseSchema } from '@/lib/contracts/knowledge'
import { uploadAcceptedResponseSchema } from '@/lib/contracts/knowledge-jobs'
import { setDatabaseForTests, withService } from '@/lib/db'
import { TEST_ORIGIN, createTenant } from '../support/auth'
import { answer, expectContract, expectNoContent, read } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { signedInMember, type Member } from './oracle-world'

/*
 * The admin routes of collections, groups and a document's place: admins of the tenant
 * (and platform admins) keep them, members are 403, another tenant's admin 404; every id
 * a body names must be this tenant's; uploads file documents in the collection they name.
 */

let db: TestDatabase
let tenant: { id: string; slug: string }
let admin: Member
let member: Member
let outsider: Member

const base = () => `/api/admin/tenants/${tenant.id}`
const tenantParams = () => ({ id: tenant.id })
const auditActions = async () =>
  (
    await withService(db, (tx) =>
      tx.query<{ action: string }>(
        "select action from public.audit_logs where tenant_id = $1 and action similar to '(collection|group|knowledge)%' order by id",
        [tenant.id],
      ),
    )
  ).map((row) => row.action)

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'shelf-routes' })
  const elsewhere = await createTenant(db, { slug: 'shelf-elsewhere' })
  admin = await signedInMember(db, tenant.id, 'admin@shelf.test', 'admin')
  member = await signedInMember(db, tenant.id, 'member@shelf.test')
  outsider = await signedInMember(db, elsewhere.id, 'outsider@shelf.test', 'admin')
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('collections', () => {
  it('start with the default collection, which holds documents that name none', async () => {
    const added = await answer(addKnowledgeRoute, tenantParams(), `${base()}/knowledge`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { title: 'Handbook', content: 'The handbook of the shelf.' },
    })
    expectContract(knowledgeCreatedResponseSchema, added, 201)
    const list = expectContract(
      collectionListSchema,
      await answer(listCollectionsRoute, tenantParams(), `${base()}/collections`, { cookie: admin.cookie }),
      200,
    )
    expect(list.collections).toEqual([expect.objectContaining({ name: 'General', isDefault: true, documentCount: 1 })])
  })

  it('are added by admins (a name in use is 409), not by members (403) or other tenants’ admins (404)', async () => {
    const post = (cookie: string, name: unknown) =>
      answer(addCollectionRoute, tenantParams(), `${base()}/collections`, { method: 'POST', cookie, body: { name } })
    const legal = expectContract(collectionSchema, await post(admin.cookie, '  Legal '), 201)
    expect(legal).toMatchObject({ name: 'Legal', isDefault: false, documentCount: 0 })
    expect(expectContract(errorBodySchema, await post(admin.cookie, 'legal'), 409).error.code).toBe('conflict')
    expect((await post(admin.cookie, '')).status).toBe(400)
    expect((await post(member.cookie, 'Mine')).status).toBe(403)
    expect((await post(outsider.cookie, 'Theirs')).status).toBe(404)
    expect(await auditActions()).toContain('collection.add')
  })

  it('take a JSON document and an upload in the collection they name; another tenant’s or an unknown one is 404', async () => {
    const list = expectContract(
      collectionListSchema,
      await answer(listCollectionsRoute, tenantParams(), `${base()}/collections`, { cookie: admin.cookie }),
      200,
    )
    const legal = list.collections.find((collection) => collection.name === 'Legal')
    const json = await answer(addKnowledgeRoute, tenantParams(), `${base()}/knowledge`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { title: 'Contracts', content: 'Contracts renew each March.', collectionId: legal?.id },
    })
    const stored = expectContract(knowledgeCreatedResponseSchema, json, 201)
    const [row] = await withService(db, (tx) =>
      tx.query<{ collection_id: string }>('select collection_id from public.tenant_knowledge where id = $1', [stored.id]),
    )
    expect(row?.collection_id).toBe(legal?.id)

    const form = new FormData()
    form.append('file', new File(['Leases run for five years.'], 'leases.txt', { type: 'text/plain' }))
    form.append('collectionId', legal?.id ?? '')
    const upload = await read(
      await addKnowledgeRoute(
        new Request(`${TEST_ORIGIN}${base()}/knowledge`, {
          method: 'POST',
          headers: { cookie: admin.cookie, origin: TEST_ORIGIN },
          body: form,
        }),
        { params: Promise.resolve(tenantParams()) },
      ),
    )
    const [job] = expectContract(uploadAcceptedResponseSchema, upload, 202).jobs
    const [queued] = await withService(db, (tx) =>
      tx.query<{ options: { collection_id: string } }>('select options from public.knowledge_jobs where id = $1', [job?.id]),
    )
    expect(queued?.options.collection_id).toBe(legal?.id)

    const [foreign] = await withService(db, (tx) =>
      tx.query<{ id: string }>(
        "select c.id from public.tenant_collections c join public.tenants t on t.id = c.tenant_id where t.slug = 'shelf-elsewhere'",
      ),
    )
    const refused = await answer(addKnowledgeRoute, tenantParams(), `${base()}/knowledge`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { title: 'Stray', content: 'Filed elsewhere.', collectionId: foreign?.id },
    })
    expect(expectContract(errorBodySchema, refused, 404).error.code).toBe('not_found')
  })

  it('move a document between them, and set its audience to admins or named groups', async () => {
    const list = expectContract(
      collectionListSchema,
      await answer(listCollectionsRoute, tenantParams(), `${base()}/collections`, { cookie: admin.cookie }),
      200,
    )
    const general = list.collections.find((collection) => collection.isDefault)
    const legal = list.collections.find((collection) => collection.name === 'Legal')
    const [doc] = await withService(db, (tx) => tx.query<{ id: string }>("select id from public.tenant_knowledge where title = 'Handbook'"))
    const group = expectContract(
      groupSchema,
      await answer(addGroupRoute, tenantParams(), `${base()}/groups`, { method: 'POST', cookie: admin.cookie, body: { name: 'Readers' } }),
      201,
    )
    const place = (cookie: string, body: unknown) =>
      answer(placeRoute, { ...tenantParams(), knowledgeId: doc?.id ?? '' }, `${base()}/knowledge/${doc?.id}`, {
        method: 'PUT',
        cookie,
        body,
      })
    const moved = expectContract(documentPlacementSchema, await place(admin.cookie, { collectionId: legal?.id }), 200)
    expect(moved).toMatchObject({ collectionId: legal?.id, visibility: 'members', groupIds: [] })
    const grouped = expectContract(documentPlacementSchema, await place(admin.cookie, { visibility: 'groups', groupIds: [group.id] }), 200)
    expect(grouped).toMatchObject({ collectionId: legal?.id, visibility: 'groups', groupIds: [group.id] })
    const back = expectContract(
      documentPlacementSchema,
      await place(admin.cookie, { collectionId: general?.id, visibility: 'admins' }),
      200,
    )
    expect(back).toMatchObject({ collectionId: general?.id, visibility: 'admins', groupIds: [] })
    expect((await place(admin.cookie, {})).status).toBe(400)
    expect((await place(admin.cookie, { visibility: 'members', groupIds: [group.id] })).status).toBe(400)
    expect((await place(member.cookie, { visibility: 'members' })).status).toBe(403)
    expect(await auditActions()).toContain('knowledge.place')
  })
})

describe('groups', () => {
  it('are added, renamed and listed with their members by admins; a member outside the tenant is 404', async () => {
    const group = expectContract(
      groupSchema,
      await answer(addGroupRoute, tenantParams(), `${base()}/groups`, { method: 'POST', cookie: admin.cookie, body: { name: 'Team' } }),
      201,
    )
    const groupPath = `${base()}/groups/${group.id}`
    const groupParams = { ...tenantParams(), groupId: group.id }
    const renamed = expectContract(
      groupSchema,
      await answer(renameGroupRoute, groupParams, groupPath, { method: 'PUT', cookie: admin.cookie, body: { name: 'Core team' } }),
      200,
    )
    expect(renamed.name).toBe('Core team')
    const withMember = expectContract(
      groupSchema,
      await answer(addMemberRoute, groupParams, `${groupPath}/members`, {
        method: 'POST',
        cookie: admin.cookie,
        body: { userId: member.userId },
      }),
      200,
    )
    expect(withMember.memberIds).toEqual([member.userId])
    const stranger = await answer(addMemberRoute, groupParams, `${groupPath}/members`, {
      method: 'POST',
      cookie: admin.cookie,
      body: { userId: outsider.userId },
    })
    expect(expectContract(errorBodySchema, stranger, 404).error.code).toBe('not_found')
    const list = expectContract(
      groupListSchema,
      await answer(listGroupsRoute, tenantParams(), `${base()}/groups`, { cookie: admin.cookie }),
      200,
    )
    expect(list.groups.find((item) => item.id === group.id)?.memberIds).toEqual([member.userId])
    const without = expectContract(
      groupSchema,
      await answer(removeMemberRoute, groupParams, `${groupPath}/members`, {
        method: 'DELETE',
        cookie: admin.cookie,
        body: { userId: member.userId },
      }),
      200,
    )
    expect(without.memberIds).toEqual([])
    expect(
      (
        await answer(removeMemberRoute, groupParams, `${groupPath}/members`, {
          method: 'DELETE',
          cookie: admin.cookie,
          body: { userId: member.userId },
        })
      ).status,
    ).toBe(404)
    expectNoContent(await answer(removeGroupRoute, groupParams, groupPath, { method: 'DELETE', cookie: admin.cookie }))
    expect((await answer(removeGroupRoute, groupParams, groupPath, { method: 'DELETE', cookie: admin.cookie })).status).toBe(404)
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['group.add', 'group.update', 'group.member_add', 'group.member_remove', 'group.delete']),
    )
  })

  it('are kept by the tenant’s admins only: members are 403, another tenant’s admin 404', async () => {
    const post = (cookie: string) =>
      answer(addGroupRoute, tenantParams(), `${base()}/groups`, { method: 'POST', cookie, body: { name: 'Nope' } })
    expect((await post(member.cookie)).status).toBe(403)
    expect((await post(outsider.cookie)).status).toBe(404)
    expect((await answer(listGroupsRoute, tenantParams(), `${base()}/groups`, { cookie: member.cookie })).status).toBe(403)
  })
})
