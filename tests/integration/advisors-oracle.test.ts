import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as deleteAdvisorRoute, GET as getAdvisorRoute, PUT as putAdvisorRoute } from '@/app/api/tenant/[slug]/advisors/[id]/route'
import { PUT as putAdvisorSettingsRoute } from '@/app/api/admin/tenants/[id]/advisor-settings/route'
import { GET as listAdvisorsRoute, POST as postAdvisorRoute } from '@/app/api/tenant/[slug]/advisors/route'
import { POST as oracleRoute } from '@/app/api/tenant/[slug]/oracle/route'
import { POST as postMyDocumentRoute } from '@/app/api/tenant/[slug]/my/documents/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { advisorListSchema, advisorSchema, advisorSettingsSchema } from '@/lib/contracts/advisors'
import { errorBodySchema } from '@/lib/contracts/errors'
import { oracleResponseSchema } from '@/lib/contracts/oracle'
import { setDatabaseForTests, withService } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { addCollection } from '@/lib/multi-tenant/collections'
import { addGroup, addGroupMember } from '@/lib/multi-tenant/groups'
import { addDocument } from '@/lib/multi-tenant/knowledge'
import { createTenant } from '../support/auth'
import { answer, expectContract, expectNoContent } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

/*
 * Advisors through their routes and the oracle: who sees and keeps one, that an advisor
 * scoped to one collection never cites another (with the other's own text as the
 * question), that each conversation records its advisor and keeps it, and personal
 * advisors over a member's own documents where the tenant allows them.
 */

const EMBEDDER = new LocalEmbedder()
const LEGAL = 'Supplier contracts renew every March unless cancelled with thirty days written notice to the legal desk.'
const HOURS = 'The front desk opens at nine in the morning and closes at five in the afternoon on weekdays.'
const PRIVATE = 'My allotment plot number is forty two and the shed key hides under the blue watering can.'

let db: TestDatabase
let tenant: { id: string; slug: string }
let admin: Member
let teammate: Member
let other: Member
let viewer: Member
let legalCollectionId = ''
let teamId = ''

const advisorsPath = () => `/api/tenant/${tenant.slug}/advisors`
const params = () => ({ slug: tenant.slug })
const createAdvisor = (cookie: string, body: unknown) =>
  answer(postAdvisorRoute, params(), advisorsPath(), { method: 'POST', cookie, body })

async function ask(member: Member, body: Record<string, unknown>) {
  const response = await oracleRoute(oracleRequest(tenant.slug, body, { cookie: member.cookie }), slugParams(params()))
  return { status: response.status, body: (await response.json()) as unknown }
}

async function legalAdvisor(): Promise<string> {
  const reply = await createAdvisor(admin.cookie, {
    name: 'Counsel',
    color: '#3366CC',
    personality: { responseStyle: 'precise' },
    collectionIds: [legalCollectionId],
    starterQuestions: ['When do supplier contracts renew?'],
    visibility: { groupIds: [teamId] },
  })
  return expectContract(advisorSchema, reply, 201).id
}

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'advisor-grove' })
  admin = await signedInMember(db, tenant.id, 'admin@advisor.test', 'admin')
  teammate = await signedInMember(db, tenant.id, 'teammate@advisor.test')
  other = await signedInMember(db, tenant.id, 'other@advisor.test')
  viewer = await signedInMember(db, tenant.id, 'viewer@advisor.test', 'viewer')
  const acting = actingAs(db, admin.claims)
  teamId = (await addGroup(acting, tenant.id, 'Team')).id
  await addGroupMember(acting, tenant.id, teamId, teammate.userId)
  legalCollectionId = (await addCollection(acting, tenant.id, 'Legal')).id
  await addDocument(acting, tenant.id, { title: 'Supplier contracts', content: LEGAL, collection_id: legalCollectionId }, EMBEDDER)
  await addDocument(acting, tenant.id, { title: 'Opening hours', content: HOURS }, EMBEDDER)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('tenant advisors', () => {
  it('are added by admins and listed for those in their audience only', async () => {
    const id = await legalAdvisor()
    const forTeammate = expectContract(
      advisorListSchema,
      await answer(listAdvisorsRoute, params(), advisorsPath(), { cookie: teammate.cookie }),
      200,
    )
    expect(forTeammate.advisors.map((advisor) => advisor.id)).toEqual([id])
    expect(forTeammate.advisors[0]).toMatchObject({
      color: '#3366cc',
      mayEdit: false,
      starterQuestions: ['When do supplier contracts renew?'],
    })
    const forOther = expectContract(
      advisorListSchema,
      await answer(listAdvisorsRoute, params(), advisorsPath(), { cookie: other.cookie }),
      200,
    )
    expect(forOther.advisors).toEqual([])
    const hidden = await answer(getAdvisorRoute, { ...params(), id }, `${advisorsPath()}/${id}`, { cookie: other.cookie })
    expect(expectContract(errorBodySchema, hidden, 404).error.code).toBe('not_found')
  })

  it('are not added by members (403) nor with another tenant’s collection (404)', async () => {
    const body = { name: 'Rogue', collectionIds: [], visibility: { all: true }, personal: false }
    expect((await createAdvisor(teammate.cookie, body)).status).toBe(403)
    const elsewhere = await createTenant(db, { slug: 'advisor-elsewhere' })
    const [foreign] = await withService(db, (tx) =>
      tx.query<{ id: string }>('select id from public.tenant_collections where tenant_id = $1', [elsewhere.id]),
    )
    const reply = await createAdvisor(admin.cookie, { name: 'Foreign', collectionIds: [foreign?.id], visibility: { all: true } })
    expect(reply.status).toBe(404)
  })

  it('scoped to one collection never cites another, asked with the other’s own text', async () => {
    const id = await legalAdvisor()
    const scoped = expectContract(oracleResponseSchema, await ask(teammate, { input: HOURS, advisorId: id }), 200)
    expect(scoped.knowledgeSources.map((source) => source.title)).not.toContain('Opening hours')
    const legal = expectContract(
      oracleResponseSchema,
      await ask(teammate, { input: 'When do supplier contracts renew?', advisorId: id }),
      200,
    )
    expect(legal.knowledgeSources[0]).toMatchObject({
      title: 'Supplier contracts',
      origin: { kind: 'collection', collectionId: legalCollectionId, name: 'Legal' },
    })
    const unscoped = expectContract(oracleResponseSchema, await ask(teammate, { input: HOURS }), 200)
    expect(unscoped.knowledgeSources[0]).toMatchObject({ title: 'Opening hours', origin: { kind: 'collection', name: 'General' } })
  })

  it('are recorded on the conversation, which keeps its advisor when it goes on', async () => {
    const id = await legalAdvisor()
    const first = expectContract(
      oracleResponseSchema,
      await ask(teammate, { input: 'When do supplier contracts renew?', advisorId: id }),
      200,
    )
    const [row] = await withService(db, (tx) =>
      tx.query<{ advisor_id: string }>('select advisor_id from public.tenant_conversations where id = $1', [first.conversationId]),
    )
    expect(row?.advisor_id).toBe(id)
    const next = expectContract(oracleResponseSchema, await ask(teammate, { input: HOURS, conversationId: first.conversationId }), 200)
    expect(next.knowledgeSources.map((source) => source.title)).not.toContain('Opening hours')
  })

  it('are refused to a member outside their audience (404) and nothing is counted', async () => {
    const id = await legalAdvisor()
    const reply = await ask(other, { input: 'When do supplier contracts renew?', advisorId: id })
    expect(expectContract(errorBodySchema, reply, 404).error.code).toBe('not_found')
  })

  it('are changed and removed by admins only; their conversations stay', async () => {
    const id = await legalAdvisor()
    const path = `${advisorsPath()}/${id}`
    const body = { name: 'Counsel two', collectionIds: [legalCollectionId], visibility: { all: true } }
    expect((await answer(putAdvisorRoute, { ...params(), id }, path, { method: 'PUT', cookie: teammate.cookie, body })).status).toBe(403)
    const changed = expectContract(
      advisorSchema,
      await answer(putAdvisorRoute, { ...params(), id }, path, { method: 'PUT', cookie: admin.cookie, body }),
      200,
    )
    expect(changed).toMatchObject({ name: 'Counsel two', visibility: { all: true, groupIds: [] } })
    const forViewer = expectContract(
      advisorListSchema,
      await answer(listAdvisorsRoute, params(), advisorsPath(), { cookie: viewer.cookie }),
      200,
    )
    expect(forViewer.advisors.map((advisor) => advisor.id)).toContain(id)
    const asked = expectContract(
      oracleResponseSchema,
      await ask(teammate, { input: 'When do supplier contracts renew?', advisorId: id }),
      200,
    )
    expectNoContent(await answer(deleteAdvisorRoute, { ...params(), id }, path, { method: 'DELETE', cookie: admin.cookie }))
    const [row] = await withService(db, (tx) =>
      tx.query<{ advisor_id: string | null }>('select advisor_id from public.tenant_conversations where id = $1', [asked.conversationId]),
    )
    expect(row).toEqual({ advisor_id: null })
  })
})

describe('personal advisors', () => {
  it('are refused while the tenant does not allow them', async () => {
    const reply = await createAdvisor(other.cookie, { name: 'Mine', collectionIds: [], visibility: {} })
    expect(expectContract(errorBodySchema, reply, 403).error.code).toBe('forbidden')
  })

  it('answer from their owner’s own documents only, and nobody else may use them', async () => {
    const settingsPath = `/api/admin/tenants/${tenant.id}/advisor-settings`
    const allow = (cookie: string) =>
      answer(putAdvisorSettingsRoute, { id: tenant.id }, settingsPath, { method: 'PUT', cookie, body: { allowPersonalAdvisors: true } })
    expect((await allow(other.cookie)).status).toBe(403)
    expect(expectContract(advisorSettingsSchema, await allow(admin.cookie), 200)).toEqual({ allowPersonalAdvisors: true })
    const stored = await answer(postMyDocumentRoute, params(), `/api/tenant/${tenant.slug}/my/documents`, {
      method: 'POST',
      cookie: other.cookie,
      body: { title: 'Allotment notes', content: PRIVATE },
    })
    expect(stored.status).toBe(201)
    const list = expectContract(advisorListSchema, await answer(listAdvisorsRoute, params(), advisorsPath(), { cookie: other.cookie }), 200)
    expect(list.mayAddPersonal).toBe(true)
    expect((await createAdvisor(other.cookie, { name: 'Mine', collectionIds: [legalCollectionId], visibility: {} })).status).toBe(400)
    const mine = expectContract(advisorSchema, await createAdvisor(other.cookie, { name: 'Mine', collectionIds: [], visibility: {} }), 201)
    expect(mine).toMatchObject({ personal: true, mayEdit: true })
    const own = expectContract(oracleResponseSchema, await ask(other, { input: 'Where is the shed key?', advisorId: mine.id }), 200)
    expect(own.knowledgeSources[0]).toMatchObject({ title: 'Allotment notes', origin: { kind: 'personal' } })
    const legal = expectContract(oracleResponseSchema, await ask(other, { input: LEGAL, advisorId: mine.id }), 200)
    expect(legal.knowledgeSources).toEqual([])
    expect((await ask(teammate, { input: 'Where is the shed key?', advisorId: mine.id })).status).toBe(404)
    const unscoped = expectContract(oracleResponseSchema, await ask(teammate, { input: 'Where is the shed key?' }), 200)
    expect(unscoped.knowledgeSources.map((source) => source.title)).not.toContain('Allotment notes')
  })
})
