import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PUT as putTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { setDatabaseForTests, withUser } from '@/lib/db'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { listContentLanguages } from '@/lib/multi-tenant/tenants'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { fieldsOf, signInEveryone, type Http } from './admin-http'
import { buildAdminWorld, type AdminWorld } from './admin-world'

let db: TestDatabase
let http: Http
let world: AdminWorld
const local = new LocalEmbedder()
let documentId: string

const asAdmin = () => ({ sub: world.home.admin.userId, email: world.home.admin.email })

async function search(query: string) {
  return withUser(db, asAdmin(), (tx) =>
    new TenantKnowledgeBase(world.home.id, tx, { embedder: local }).search(query, { limit: 5, matchThreshold: -1 }),
  )
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'lang')
  http = await signInEveryone(db, world)
  const prepared = await TenantKnowledgeBase.prepare({ title: 'Guide', content: 'Les données publiées doivent être documentées.' }, local)
  documentId = (
    await withUser(db, asAdmin(), (tx) => new TenantKnowledgeBase(world.home.id, tx, { embedder: local }).addKnowledge(prepared))
  ).id
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('content language through PUT /api/admin/tenants/[id]', () => {
  it("is set by the tenant's admin, re-indexes the passages, and French stemming then matches other word forms", async () => {
    const before = (await search('publier documenter')).find((hit) => hit.knowledgeId === documentId)
    expect(before?.coverage ?? 0).toBeLessThan(1)
    const reply = await http.call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { contentLanguage: 'French' } })
    expect(reply.status).toBe(200)
    expect(reply.body.tenant?.contentLanguage).toBe('french')
    const after = await search('publier documenter')
    expect(after[0]?.knowledgeId).toBe(documentId)
    expect(after[0]?.coverage).toBe(1)
  })

  it('refuses a language the database does not offer with a 400 naming the field', async () => {
    const reply = await http.call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { contentLanguage: 'klingon' } })
    expect(reply.status).toBe(400)
    expect(fieldsOf(reply.body).contentLanguage).toBeDefined()
    const malformed = await http.call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { contentLanguage: 'fr; drop' } })
    expect(malformed.status).toBe(400)
  })

  it("is not the business of the tenant's other roles or of another tenant's admin", async () => {
    const result = await http.statuses((role) => http.call(putTenantRoute, role, { method: 'PUT', body: { contentLanguage: 'german' } }))
    expect(result).toMatchObject({ user: 403, viewer: 403, otherAdmin: 404, anonymous: 401 })
  })

  it("lists the database's languages for the dashboard, simple among them", async () => {
    const languages = await listContentLanguages()
    expect(languages).toEqual(expect.arrayContaining(['simple', 'english', 'french']))
  })
})
