import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as listKnowledgeRoute } from '@/app/api/admin/tenants/[id]/knowledge/route'
import { PUT as putTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { apiRequest, loginCookie } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld } from './admin-world'

/* Limits are bounded where they are set, and the storage limit resolves through the plan like the others. */

let db: TestDatabase
let world: AdminWorld
let platform: string

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'lb')
  platform = await loginCookie(db, world.platformAdmin.userId)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const put = (body: unknown) =>
  putTenantRoute(apiRequest(`/api/admin/tenants/${world.home.id}`, { method: 'PUT', cookie: platform, body }), {
    params: Promise.resolve({ id: world.home.id }),
  })

describe('tenant limits', () => {
  it.each([
    ['storageMb', 1e15],
    ['members', 1e12],
    ['conversationsPerMonth', 9e15],
    ['tokensPerMonth', 2e12],
  ])('refuse a %s of %d with 400 naming the field, instead of overflowing later', async (key, value) => {
    const response = await put({ limits: { [key]: value } })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { details: { fields: Record<string, string> } } }
    expect(body.error.details.fields[`limits.${key}`]).toMatch(/at most/)
  })

  it('accept the largest storage limit, and uploads still count against it', async () => {
    expect((await put({ limits: { storageMb: 10_000_000 } })).status).toBe(200)
    await expect(withService(db, (tx) => tx.query('select app_private.adjust_storage($1, 1024)', [world.home.id]))).resolves.toBeDefined()
  })

  it("take the plan's storage limit when the stored limits leave it out", async () => {
    await withService(db, (tx) =>
      tx.query(`update public.tenants set limits = '{}', plan_tier = 'starter' where id = $1`, [world.other.id]),
    )
    const cookie = await loginCookie(db, world.other.admin.userId)
    const list = await listKnowledgeRoute(apiRequest(`/api/admin/tenants/${world.other.id}/knowledge`, { cookie }), {
      params: Promise.resolve({ id: world.other.id }),
    })
    const body = (await list.json()) as { storage: { limitBytes: number | null } }
    expect(body.storage.limitBytes).toBe(10_240 * 1024 * 1024)
    await expect(
      withService(db, (tx) => tx.query('select app_private.adjust_storage($1, $2)', [world.other.id, 10_241 * 1024 * 1024])),
    ).rejects.toMatchObject({ code: 'OR413' })
  })
})
