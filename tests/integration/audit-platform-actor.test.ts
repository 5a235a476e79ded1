import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as tenantAuditRoute } from '@/app/api/admin/tenants/[id]/audit-logs/route'
import { PUT as putTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { auditLogPageResponseSchema } from '@/lib/contracts/audit'
import { setDatabaseForTests } from '@/lib/db'
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
})
