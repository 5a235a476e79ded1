import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as tenantAuditRoute } from '@/app/api/admin/tenants/[id]/audit-logs/route'
import { PUT as putTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { auditLogPageResponseSchema } from '@/lib/contracts/audit'
import { setDatabaseForTests, withUser } from '@/lib/db'
import { apiRequest, loginCookie } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, TEST_IP, type AdminWorld } from './admin-world'

/* A tenant's log names its own people; a platform admin who acted on the tenant appears by role only. */

let db: TestDatabase
let world: AdminWorld
let platform: string
let admin: string

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'apa')
  platform = await loginCookie(db, world.platformAdmin.userId)
  admin = await loginCookie(db, world.home.admin.userId)
  const params = { params: Promise.resolve({ id: world.home.id }) }
  const path = `/api/admin/tenants/${world.home.id}`
  const headers = { 'x-forwarded-for': TEST_IP }
  expect(
    (await putTenantRoute(apiRequest(path, { method: 'PUT', cookie: platform, body: { name: 'By The Platform' }, headers }), params))
      .status,
  ).toBe(200)
  expect(
    (await putTenantRoute(apiRequest(path, { method: 'PUT', cookie: admin, body: { name: 'By The Admin' }, headers }), params)).status,
  ).toBe(200)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

async function logAs(cookie: string) {
  const response = await tenantAuditRoute(apiRequest(`/api/admin/tenants/${world.home.id}/audit-logs`, { cookie }), {
    params: Promise.resolve({ id: world.home.id }),
  })
  expect(response.status).toBe(200)
  return auditLogPageResponseSchema.parse(await response.json()).items.filter((entry) => entry.action === 'tenant.update')
}

describe("a tenant's audit log", () => {
  it("shows its admin a platform admin's change by role, without email, account id or address, and its own people by email", async () => {
    const [own, platformRow] = await logAs(admin)
    expect(platformRow).toMatchObject({ actorEmail: null, actorId: null, ip: null, actorIsPlatformAdmin: true })
    expect(own).toMatchObject({ actorEmail: world.home.admin.email, actorId: world.home.admin.userId, actorIsPlatformAdmin: false })
  })

  it('shows a platform admin who did it', async () => {
    const [, platformRow] = await logAs(platform)
    expect(platformRow).toMatchObject({
      actorEmail: world.platformAdmin.email,
      actorId: world.platformAdmin.userId,
      actorIsPlatformAdmin: true,
    })
  })

  it("does not give a tenant admin reading the rows directly (a Supabase client) a platform admin's email or address, and the chain still verifies", async () => {
    const claims = { sub: world.home.admin.userId, email: world.home.admin.email }
    const read = (sql: string) => withUser(db, claims, (tx) => tx.query(sql, [world.home.id]))
    await expect(read('select actor_email from public.audit_logs where tenant_id = $1')).rejects.toMatchObject({ code: '42501' })
    await expect(read('select ip from public.audit_logs where tenant_id = $1')).rejects.toMatchObject({ code: '42501' })
    await expect(read('select * from public.audit_logs where tenant_id = $1')).rejects.toMatchObject({ code: '42501' })
    const actors = await withUser(db, claims, (tx) =>
      tx.query<{ actor_email: string | null; ip: string | null; actor_is_platform_admin: boolean }>(
        `select actor.* from public.audit_logs a cross join lateral app_private.audit_actor(a.id) actor
          where a.tenant_id = $1 and a.action = 'tenant.update' order by a.id`,
        [world.home.id],
      ),
    )
    expect(actors).toMatchObject([
      { actor_email: null, ip: null, actor_is_platform_admin: true },
      { actor_email: world.home.admin.email, actor_is_platform_admin: false },
    ])
    const [chain] = await withUser(db, claims, (tx) =>
      tx.query<{ ok: boolean }>('select ok from app_private.verify_audit_chain($1)', [world.home.id]),
    )
    expect(chain?.ok).toBe(true)
  })
})
