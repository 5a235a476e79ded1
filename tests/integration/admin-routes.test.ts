import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as deleteTenantRoute, GET as getTenantRoute, PUT as putTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { GET as listTenantsRoute, POST as createTenantRoute } from '@/app/api/admin/tenants/route'
import { setDatabaseForTests } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { fieldsOf, signInEveryone, type Http, type Role } from './admin-http'
import { buildAdminWorld } from './admin-world'

let db: TestDatabase
let http: Http

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  http = await signInEveryone(db, await buildAdminWorld(db, 'rt'))
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const call: Http['call'] = (...args) => http.call(...args)
const statuses: Http['statuses'] = (run) => http.statuses(run)

describe('GET /api/admin/tenants', () => {
  it('lists all tenants for platform admins and administered ones for others; 401 anonymous', async () => {
    const slugsFor = async (role: Role) => ((await call(listTenantsRoute, role)).body.tenants ?? []).map((t) => t.slug)
    expect(await slugsFor('platformAdmin')).toEqual(expect.arrayContaining(['rt-home', 'rt-other']))
    expect(await slugsFor('tenantAdmin')).toEqual(['rt-home'])
    expect(await slugsFor('otherAdmin')).toEqual(['rt-other'])
    expect(await slugsFor('user')).toEqual([])
    expect(await slugsFor('viewer')).toEqual([])
    expect((await call(listTenantsRoute, 'anonymous')).status).toBe(401)
  })
})

describe('POST /api/admin/tenants', () => {
  it('is for platform admins only', async () => {
    let n = 0
    const result = await statuses((role) =>
      call(createTenantRoute, role, { method: 'POST', body: { name: 'Made', slug: `made-by-${(n += 1)}` } }),
    )
    expect(result).toEqual({ platformAdmin: 201, tenantAdmin: 403, user: 403, viewer: 403, otherAdmin: 403, anonymous: 401 })
  })

  it('creates the tenant the design documents describe, in camelCase', async () => {
    const { status, body } = await call(createTenantRoute, 'platformAdmin', {
      method: 'POST',
      body: {
        name: 'Sterling & Associates',
        slug: 'sterling-route',
        domain: 'ask.sterling-route.example',
        brandVoice: { tone: 'formal', style: 'precise', values: ['accuracy'] },
        elementalSignature: { primary: 'earth', secondary: 'air' },
        maiaPersonality: { name: 'Counsel', responseStyle: 'structured' },
        planTier: 'professional',
      },
    })
    expect(status).toBe(201)
    expect(body.tenant).toMatchObject({
      slug: 'sterling-route',
      domain: 'ask.sterling-route.example',
      elementalSignature: { primary: 'earth', secondary: 'air' },
      planTier: 'professional',
      limits: { conversationsPerMonth: 10000, storageMb: 51200 },
      effectiveStatus: 'active',
    })
  })

  it('answers 400 with a message per field', async () => {
    const { status, body } = await call(createTenantRoute, 'platformAdmin', {
      method: 'POST',
      body: {
        name: '',
        slug: 'Admin!',
        domain: 'https://x.example/path',
        elementalSignature: { primary: 'plasma' },
        planTier: 'galactic',
        limits: { storageMb: -1 },
        trialEndsAt: 'next week',
      },
    })
    expect(status).toBe(400)
    expect(Object.keys(fieldsOf(body)).sort()).toEqual(
      ['domain', 'elementalSignature.primary', 'limits.storageMb', 'name', 'planTier', 'slug', 'trialEndsAt'].sort(),
    )
  })

  it('refuses reserved and malformed slugs', async () => {
    for (const slug of ['www', 'api', 'admin', 'dashboard', 'ab', '-edge', 'edge-', 'a'.repeat(49), 'under_score']) {
      const { status, body } = await call(createTenantRoute, 'platformAdmin', { method: 'POST', body: { name: 'X', slug } })
      expect(status, slug).toBe(400)
      expect(fieldsOf(body).slug, slug).toBeTruthy()
    }
  })

  it('answers 409 for a duplicate slug or domain', async () => {
    const slug = await call(createTenantRoute, 'platformAdmin', { method: 'POST', body: { name: 'Again', slug: 'rt-home' } })
    expect(slug.status).toBe(409)
    expect(fieldsOf(slug.body)).toEqual({ slug: 'is already taken' })
    const domain = await call(createTenantRoute, 'platformAdmin', {
      method: 'POST',
      body: { name: 'Again', slug: 'sterling-copy', domain: 'ask.sterling-route.example' },
    })
    expect(domain.status).toBe(409)
    expect(fieldsOf(domain.body)).toEqual({ domain: 'is already taken' })
  })
})

describe('GET /api/admin/tenants/[id]', () => {
  it('shows the tenant to its admins and platform admins, 403 to other members, 404 to outsiders', async () => {
    expect(await statuses((role) => call(getTenantRoute, role))).toEqual({
      platformAdmin: 200,
      tenantAdmin: 200,
      user: 403,
      viewer: 403,
      otherAdmin: 404,
      anonymous: 401,
    })
    expect((await call(getTenantRoute, 'platformAdmin', { id: '7b0c3f7e-2f0a-4d7e-9a51-000000000000' })).status).toBe(404)
  })
})

describe('PUT /api/admin/tenants/[id]', () => {
  it('lets the tenant admin tune the voice and refuses plan escalation with 403', async () => {
    const voice = await call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { brandVoice: { tone: 'calm', style: 'gentle' } } })
    expect(voice.status).toBe(200)
    expect(voice.body.tenant?.brandVoice).toMatchObject({ tone: 'calm', style: 'gentle' })
    const escalate = await call(putTenantRoute, 'tenantAdmin', {
      method: 'PUT',
      body: { planTier: 'enterprise', limits: { members: null } },
    })
    expect(escalate.status).toBe(403)
    expect(Object.keys(fieldsOf(escalate.body)).sort()).toEqual(['limits', 'planTier'])
  })

  it('refuses other members and outsiders', async () => {
    const result = await statuses((role) => call(putTenantRoute, role, { method: 'PUT', body: { name: `Renamed by ${role}` } }))
    expect(result).toEqual({ platformAdmin: 200, tenantAdmin: 200, user: 403, viewer: 403, otherAdmin: 404, anonymous: 401 })
  })

  it('lets a platform admin change the plan, with 400 for bad values and 409 for a taken domain', async () => {
    const upgrade = await call(putTenantRoute, 'platformAdmin', { method: 'PUT', body: { planTier: 'enterprise' } })
    expect(upgrade.body.tenant?.limits).toEqual({ conversationsPerMonth: null, tokensPerMonth: null, storageMb: null, members: null })
    expect((await call(putTenantRoute, 'platformAdmin', { method: 'PUT', body: { status: 'paused' } })).status).toBe(400)
    expect((await call(putTenantRoute, 'platformAdmin', { method: 'PUT', body: {} })).status).toBe(400)
    const taken = await call(putTenantRoute, 'platformAdmin', { method: 'PUT', body: { domain: 'ask.sterling-route.example' } })
    expect(taken.status).toBe(409)
  })
})

describe('DELETE /api/admin/tenants/[id]', () => {
  it('is for platform admins only, and demands the slug as confirmation', async () => {
    // The platform admin's own deletion is the next test's, on a tenant of its own.
    const result = await statuses(async (role) =>
      role === 'platformAdmin' ? { status: 0 } : call(deleteTenantRoute, role, { method: 'DELETE', body: { confirm: 'rt-home' } }),
    )
    expect(result).toEqual({ platformAdmin: 0, tenantAdmin: 403, user: 403, viewer: 403, otherAdmin: 404, anonymous: 401 })
  })

  it('answers 400 without or with a wrong confirmation, 204 with the right one', async () => {
    const scratch = await call(createTenantRoute, 'platformAdmin', { method: 'POST', body: { name: 'Scratch', slug: 'scratch-co' } })
    const id = scratch.body.tenant?.id ?? ''
    expect((await call(deleteTenantRoute, 'platformAdmin', { method: 'DELETE', id, body: {} })).status).toBe(400)
    expect((await call(deleteTenantRoute, 'platformAdmin', { method: 'DELETE', id, body: { confirm: 'rt-home' } })).status).toBe(400)
    expect((await call(deleteTenantRoute, 'platformAdmin', { method: 'DELETE', id, body: { confirm: 'scratch-co' } })).status).toBe(204)
    expect((await call(getTenantRoute, 'platformAdmin', { id })).status).toBe(404)
  })
})
