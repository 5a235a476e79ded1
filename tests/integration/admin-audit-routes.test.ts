import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as platformAuditRoute } from '@/app/api/admin/audit-logs/route'
import { PUT as putTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { GET as tenantAuditRoute } from '@/app/api/admin/tenants/[id]/audit-logs/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { tenantCreateSchema, tenantUpdateSchema } from '@/lib/contracts/tenants'
import { createTenant, deleteTenant, updateTenant } from '@/lib/multi-tenant/tenants/tenants'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { fieldsOf, signInEveryone, type Http } from './admin-http'
import { actorOf, buildAdminWorld, type AdminWorld } from './admin-world'

let db: TestDatabase
let world: AdminWorld
let http: Http

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'art')
  http = await signInEveryone(db, world)
  // A trail to read: a plan change, a voice change, and a tenant created and deleted.
  const root = actorOf(db, world.platformAdmin)
  await updateTenant(root, world.home.id, tenantUpdateSchema.parse({ planTier: 'professional' }))
  await updateTenant(actorOf(db, world.home.admin), world.home.id, tenantUpdateSchema.parse({ name: 'Home', brandVoice: { tone: 'calm' } }))
  const scratch = await createTenant(root, tenantCreateSchema.parse({ name: 'Scratch', slug: 'art-scratch' }))
  await deleteTenant(root, scratch.id, scratch.slug)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const call: Http['call'] = (...args) => http.call(...args)
const statuses: Http['statuses'] = (run) => http.statuses(run)

describe('GET /api/admin/tenants/[id]/audit-logs', () => {
  it("shows the trail with its chain check to the tenant's admins and platform admins only", async () => {
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
    const { status, body } = await call(tenantAuditRoute, 'tenantAdmin', {
      path: `/api/admin/tenants/${world.home.id}/audit-logs?from=soon`,
    })
    expect(status).toBe(400)
    expect(fieldsOf(body).from).toBeTruthy()
  })
})

describe('GET /api/admin/audit-logs', () => {
  it("is for platform admins only and includes the platform's own rows", async () => {
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

  it('ignores X-Forwarded-For unless a proxy of ours sets it, and then takes the hop our proxies added', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.4, 10.0.0.1' }
    await call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { name: 'Untrusted hop' }, headers })
    expect(await lastIp()).toBeNull()
    process.env.TRUST_PROXY = 'true'
    resetConfigForTests()
    try {
      // One proxy of ours appended the right-most entry; the left-most one is the client's own claim.
      await call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { name: 'Trusted hop' }, headers })
      expect(await lastIp()).toBe('10.0.0.1')
      process.env.TRUSTED_PROXY_HOPS = '2'
      resetConfigForTests()
      await call(putTenantRoute, 'tenantAdmin', { method: 'PUT', body: { name: 'Two trusted hops' }, headers })
      expect(await lastIp()).toBe('198.51.100.4')
    } finally {
      delete process.env.TRUSTED_PROXY_HOPS
      delete process.env.TRUST_PROXY
      resetConfigForTests()
    }
  })
})
