import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as removeMemberRoute, PATCH as patchMemberRoute } from '@/app/api/admin/tenants/[id]/members/[userId]/route'
import { GET as listMembersRoute, POST as addMemberRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { DELETE as deleteTenantRoute, GET as getTenantRoute, PUT as putTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { GET as listTenantsRoute, POST as createTenantRoute } from '@/app/api/admin/tenants/route'
import { errorBodySchema } from '@/lib/contracts/errors'
import { addMemberResponseSchema, memberListResponseSchema, memberResponseSchema } from '@/lib/contracts/members'
import { tenantListResponseSchema, tenantResponseSchema } from '@/lib/contracts/tenants'
import { setDatabaseForTests } from '@/lib/db'
import { loginCookie } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld } from './admin-world'
import { answer, expectContract, expectNoContent } from '../support/route-calls'

/* Every admin tenant and member route, called for real; each answer must parse by its contract. */

let db: TestDatabase
let world: AdminWorld
let platform: string
let admin: string

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'ct')
  platform = await loginCookie(db, world.platformAdmin.userId)
  admin = await loginCookie(db, world.home.admin.userId)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('tenant routes answer by the tenants contract', () => {
  it('GET, POST, PUT and DELETE /api/admin/tenants[/id]', async () => {
    const path = '/api/admin/tenants'
    expectContract(tenantListResponseSchema, await answer(listTenantsRoute, {}, path, { cookie: platform }), 200)
    const created = await answer(createTenantRoute, {}, path, {
      method: 'POST',
      cookie: platform,
      body: { name: 'Contract Co', slug: 'contract-co', trialEndsAt: '2030-01-01T00:00:00Z', status: 'trial' },
    })
    expectContract(tenantResponseSchema, created, 201)
    const id = tenantResponseSchema.parse(created.body).tenant.id
    expectContract(tenantResponseSchema, await answer(getTenantRoute, { id }, `${path}/${id}`, { cookie: platform }), 200)
    const updated = await answer(putTenantRoute, { id }, `${path}/${id}`, {
      method: 'PUT',
      cookie: platform,
      body: { domain: 'chat.contract.test' },
    })
    expectContract(tenantResponseSchema, updated, 200)
    const deleted = await answer(deleteTenantRoute, { id }, `${path}/${id}`, {
      method: 'DELETE',
      cookie: platform,
      body: { confirm: 'contract-co' },
    })
    expectNoContent(deleted)
  })

  it('a refusal answers the one error shape', async () => {
    const refused = await answer(createTenantRoute, {}, '/api/admin/tenants', {
      method: 'POST',
      cookie: platform,
      body: { name: '', slug: 'api' },
    })
    expectContract(errorBodySchema, refused, 400)
    expectContract(errorBodySchema, await answer(listTenantsRoute, {}, '/api/admin/tenants', {}), 401)
  })
})

describe('member routes answer by the members contract', () => {
  it('GET and POST /members, PATCH and DELETE /members/[userId]', async () => {
    const id = world.home.id
    const path = `/api/admin/tenants/${id}/members`
    const added = await answer(addMemberRoute, { id }, path, {
      method: 'POST',
      cookie: admin,
      body: { email: 'joiner@contract.test', role: 'user' },
    })
    expectContract(addMemberResponseSchema, added, 201)
    const listed = await answer(listMembersRoute, { id }, path, { cookie: admin })
    expectContract(memberListResponseSchema, listed, 200)
    expect(memberListResponseSchema.parse(listed.body).invitations).not.toEqual([])
    const userId = world.home.viewer.userId
    const changed = await answer(patchMemberRoute, { id, userId }, `${path}/${userId}`, {
      method: 'PATCH',
      cookie: admin,
      body: { role: 'user' },
    })
    expectContract(memberResponseSchema, changed, 200)
    const removed = await answer(removeMemberRoute, { id, userId }, `${path}/${userId}`, { method: 'DELETE', cookie: admin })
    expectNoContent(removed)
  })
})
