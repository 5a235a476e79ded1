import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as searchRoute } from '@/app/api/tenant/[slug]/knowledge/search/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { setDatabaseForTests, withService, withUser } from '@/lib/db'
import { invalidateTenantRoutes } from '@/lib/multi-tenant/tenants/directory'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, apiRequest, createTenant, createUser, loginCookie, makePlatformAdmin } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase
const cookies = { acmeViewer: '', globexAdmin: '', openViewer: '', dormantViewer: '', platform: '' }
type Who = keyof typeof cookies
const GLOBEX_TEXT = 'Globex launches reusable rockets from its coastal pad every second Tuesday.'

function search(who: Who | null, slug: string, body: unknown) {
  return searchRoute(apiRequest(`/api/tenant/${slug}/knowledge/search`, { method: 'POST', cookie: who ? cookies[who] : undefined, body }), {
    params: Promise.resolve({ slug }),
  })
}

async function tenantWithKnowledge(
  slug: string,
  content: string,
  options: { publicAccess?: boolean; status?: 'active' | 'suspended' } = {},
) {
  // Knowledge is written while the tenant serves (an inactive tenant is read-only), then it is suspended.
  const { id } = await createTenant(db, { slug, publicAccess: options.publicAccess })
  const admin = await createUser(db, { email: `${slug}-admin@example.com` })
  await addMember(db, id, admin.userId, 'admin')
  const embedder = new LocalEmbedder()
  const prepared = await TenantKnowledgeBase.prepare({ title: `${slug} handbook`, content }, embedder)
  await withUser(db, { sub: admin.userId }, (tx) => new TenantKnowledgeBase(id, tx, { embedder }).addKnowledge(prepared))
  if (options.status) await withService(db, (tx) => tx.query('update public.tenants set status = $2 where id = $1', [id, options.status]))
  return { id, adminId: admin.userId }
}

async function signIn(who: Who, tenantId: string | null, role: 'admin' | 'viewer' = 'viewer') {
  const user = await createUser(db, { email: `ksr-${who.toLowerCase()}@example.com` })
  if (tenantId) await addMember(db, tenantId, user.userId, role)
  cookies[who] = await loginCookie(db, user.userId)
  return user.userId
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  invalidateTenantRoutes()
  const acme = await tenantWithKnowledge('ksr-acme', 'Acme rockets are painted red and ship with a two year warranty.')
  const globex = await tenantWithKnowledge('ksr-globex', GLOBEX_TEXT)
  const open = await tenantWithKnowledge('ksr-open', 'The open tenant answers questions about bicycles.', { publicAccess: true })
  const dormant = await tenantWithKnowledge('ksr-dormant', 'Suspended tenants keep their knowledge.', { status: 'suspended' })
  await signIn('acmeViewer', acme.id)
  await signIn('globexAdmin', globex.id, 'admin')
  await signIn('openViewer', open.id)
  await signIn('dormantViewer', dormant.id)
  await makePlatformAdmin(db, await signIn('platform', null))
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  invalidateTenantRoutes()
  await db.close()
})

describe('POST /api/tenant/[slug]/knowledge/search', () => {
  it('gives a viewer ranked results with id, title, snippet and score', async () => {
    const response = await search('acmeViewer', 'ksr-acme', { query: 'what warranty do rockets have?' })
    expect(response.status).toBe(200)
    const { results } = await response.json()
    expect(results[0]).toMatchObject({ id: expect.any(String), title: 'ksr-acme handbook', snippet: expect.stringContaining('warranty') })
    expect(results[0].score).toBeGreaterThan(0.2)
  })

  it("returns none of another tenant's rows when that tenant's text is the query", async () => {
    const { results } = await (await search('acmeViewer', 'ksr-acme', { query: GLOBEX_TEXT, matchThreshold: -1, limit: 50 })).json()
    expect(results.map((result: { title: string }) => result.title)).toEqual(['ksr-acme handbook'])
  })

  it('lets a platform admin search any tenant', async () => {
    const { results } = await (await search('platform', 'ksr-globex', { query: 'reusable rockets' })).json()
    expect(results.map((result: { title: string }) => result.title)).toEqual(['ksr-globex handbook'])
  })

  it('answers an outsider 404 for a private tenant and 403 for a public one', async () => {
    expect((await search('globexAdmin', 'ksr-acme', { query: 'rockets' })).status).toBe(404)
    expect((await search('globexAdmin', 'ksr-open', { query: 'bicycles' })).status).toBe(403)
  })

  it('answers 401 without a session, 404 for an unknown slug, 400 for a bad body', async () => {
    expect((await search(null, 'ksr-open', { query: 'bicycles' })).status).toBe(401)
    expect((await search('acmeViewer', 'ksr-nowhere', { query: 'rockets' })).status).toBe(404)
    const bad = await search('acmeViewer', 'ksr-acme', { query: '', limit: 500 })
    expect(bad.status).toBe(400)
    expect(Object.keys((await bad.json()).error.details.fields).sort()).toEqual(['limit', 'query'])
  })

  it('answers a member of a suspended tenant 403 tenant_inactive', async () => {
    const response = await search('dormantViewer', 'ksr-dormant', { query: 'knowledge' })
    expect(response.status).toBe(403)
    expect((await response.json()).error.code).toBe('tenant_inactive')
  })
})
