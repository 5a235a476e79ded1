import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as deleteTenantRoute, GET as getTenantRoute, PUT as putTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { GET as tenantAuditRoute } from '@/app/api/admin/tenants/[id]/audit-logs/route'
import { GET as listTenantsRoute, POST as createTenantRoute } from '@/app/api/admin/tenants/route'
import { GET as platformAuditRoute } from '@/app/api/admin/audit-logs/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import type { AuditLogEntry, ChainCheck } from '@/lib/multi-tenant/audit-logs'
import type { Tenant } from '@/lib/multi-tenant/tenant-record'
import { loginCookie, signedInHeaders } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld, type Person } from './admin-world'

let db: TestDatabase
let world: AdminWorld
type Role = 'platformAdmin' | 'tenantAdmin' | 'user' | 'viewer' | 'otherAdmin' | 'anonymous'
const cookies = {} as Record<Role, string | null>

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'rt')
  const people: Record<Exclude<Role, 'anonymous'>, Person> = {
    platformAdmin: world.platformAdmin,
    tenantAdmin: world.home.admin,
    user: world.home.user,
    viewer: world.home.viewer,
    otherAdmin: world.other.admin,
  }
  for (const [role, person] of Object.entries(people)) cookies[role as Role] = await loginCookie(db, person.userId)
  cookies.anonymous = null
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

// What the admin routes answer; each test asserts the part it is about.
type Body = {
  tenant?: Tenant
  tenants?: Tenant[]
  items?: AuditLogEntry[]
  total?: number
  chain?: ChainCheck
  error?: { code: string; message: string; details?: { fields: Record<string, string> } }
}

const fieldsOf = (body: Body) => body.error?.details?.fields ?? {}

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>

async function call(
  handler: Handler,
  role: Role,
  options: { method?: string; path?: string; id?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Body }> {
  const cookie = cookies[role]
  const headers = cookie ? signedInHeaders(cookie, options.headers) : { 'content-type': 'application/json', ...options.headers }
  const request = new Request(`http://localhost${options.path ?? '/api/admin/tenants'}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const response = await handler(request, { params: Promise.resolve({ id: options.id ?? world.home.id }) })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as Body) : {} }
}

const ROLES: Role[] = ['platformAdmin', 'tenantAdmin', 'user', 'viewer', 'otherAdmin', 'anonymous']

async function statuses(run: (role: Role) => Promise<{ status: number }>): Promise<Record<Role, number>> {
  const result = {} as Record<Role, number>
  for (const role of ROLES) result[role] = (await run(role)).status
  return result
}

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
    const escalate = await call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { planTier: 'enterprise', limits: { members: null } } })
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

describe('GET /api/admin/tenants/[id]/audit-logs', () => {
  it('shows the trail with its chain check to the tenant\'s admins and platform admins only', async () => {
    const path = `/api/admin/tenants/${world.home.id}/audit-logs?pageSize=100`
    expect(await statuses((role) => call(tenantAuditRoute, role, { path }))).toEqual({
      platformAdmin: 200,
      tenantAdmin: 200,
      user: 403,
      viewer: 403,
      otherAdmin: 404,
      anonymous: 401,
    })
    const { body } = await call(tenantAuditRoute, 'tenantAdmin', { path })
    expect(body.chain).toEqual({ ok: true, checked: body.total, firstBrokenId: null })
    const actions = (body.items ?? []).map((item) => item.action)
    expect(actions).toEqual(expect.arrayContaining(['personality.update', 'tenant.update', 'plan.update']))
  })

  it('answers 400 for a malformed filter', async () => {
    const { status, body } = await call(tenantAuditRoute, 'tenantAdmin', { path: `/api/admin/tenants/${world.home.id}/audit-logs?from=soon` })
    expect(status).toBe(400)
    expect(fieldsOf(body).from).toBeTruthy()
  })
})

describe('GET /api/admin/audit-logs', () => {
  it('is for platform admins only and includes the platform\'s own rows', async () => {
    const path = '/api/admin/audit-logs?pageSize=200'
    expect(await statuses((role) => call(platformAuditRoute, role, { path }))).toEqual({
      platformAdmin: 200,
      tenantAdmin: 403,
      user: 403,
      viewer: 403,
      otherAdmin: 403,
      anonymous: 401,
    })
    const { body } = await call(platformAuditRoute, 'platformAdmin', { path: '/api/admin/audit-logs?tenantId=platform' })
    expect((body.items ?? []).map((item) => item.action)).toContain('tenant.delete')
    expect(body.chain?.ok).toBe(true)
  })
})

describe('client IP in audit rows', () => {
  async function lastIp(): Promise<string | null> {
    const rows = await withService(db, (tx) =>
      tx.query<{ ip: string | null }>('select ip from public.audit_logs where tenant_id = $1 order by id desc limit 1', [world.home.id]),
    )
    return rows[0]?.ip ?? null
  }

  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy of ours sets it', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.4, 10.0.0.1' }
    await call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { name: 'Untrusted hop' }, headers })
    expect(await lastIp()).toBeNull()
    process.env.TRUST_PROXY = 'true'
    resetConfigForTests()
    try {
      await call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { name: 'Trusted hop' }, headers })
      expect(await lastIp()).toBe('198.51.100.4')
    } finally {
      delete process.env.TRUST_PROXY
      resetConfigForTests()
    }
  })
})
