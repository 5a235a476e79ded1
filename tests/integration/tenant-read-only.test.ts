import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as deleteKnowledgeRoute } from '@/app/api/admin/tenants/[id]/knowledge/[knowledgeId]/route'
import { GET as listKnowledgeRoute, POST as addKnowledgeRoute } from '@/app/api/admin/tenants/[id]/knowledge/route'
import { DELETE as removeMemberRoute } from '@/app/api/admin/tenants/[id]/members/[userId]/route'
import { GET as listMembersRoute, POST as addMemberRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { GET as getTenantRoute, PUT as putTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { setDatabaseForTests, withService, withUser } from '@/lib/db'
import { invalidateTenantRoutes } from '@/lib/multi-tenant/tenants/directory'
import { loginCookie } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld } from './admin-world'
import { answer, type Reply, type RouteHandler, type RouteParams } from '../support/route-calls'

/*
 * A suspended tenant is read-only for its own people (app_private.tenant_accepts_writes,
 * restrictive policies): its admin reads everything and changes nothing, a platform admin
 * still changes it (that is how it comes back), and a member may still leave.
 */

let db: TestDatabase
let world: AdminWorld
let admin: string
let platform: string
let knowledgeId: string

const codeOf = (reply: Reply) => (reply.body as { error?: { code: string } } | null)?.error?.code

async function setStatus(status: 'active' | 'suspended'): Promise<void> {
  await withService(db, (tx) => tx.query('update public.tenants set status = $2 where id = $1', [world.home.id, status]))
  invalidateTenantRoutes()
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'ro')
  admin = await loginCookie(db, world.home.admin.userId)
  platform = await loginCookie(db, world.platformAdmin.userId)
  const added = await answer(addKnowledgeRoute, { id: world.home.id }, `/api/admin/tenants/${world.home.id}/knowledge`, {
    method: 'POST',
    cookie: admin,
    body: { title: 'Opening hours', content: 'We open at nine every weekday morning and close at five.' },
  })
  knowledgeId = (added.body as unknown as { id: string }).id
  await setStatus('suspended')
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const tenantPath = () => `/api/admin/tenants/${world.home.id}`

describe("a suspended tenant's admin", () => {
  it('still reads the settings, the knowledge and the members', async () => {
    expect((await answer(getTenantRoute, { id: world.home.id }, tenantPath(), { cookie: admin })).status).toBe(200)
    expect((await answer(listKnowledgeRoute, { id: world.home.id }, `${tenantPath()}/knowledge`, { cookie: admin })).status).toBe(200)
    expect((await answer(listMembersRoute, { id: world.home.id }, `${tenantPath()}/members`, { cookie: admin })).status).toBe(200)
  })

  it.each([
    ['change the settings', putTenantRoute, {}, '', 'PUT', { name: 'Renamed While Suspended' }],
    ['add knowledge', addKnowledgeRoute, {}, '/knowledge', 'POST', { title: 'New', content: 'Something new to know about the place.' }],
    ['delete knowledge', deleteKnowledgeRoute, { knowledgeId: 'KNOWLEDGE' }, '/knowledge/KNOWLEDGE', 'DELETE', undefined],
    ['invite a member', addMemberRoute, {}, '/members', 'POST', { email: 'new@ro.test', role: 'user' }],
    ['remove a member', removeMemberRoute, { userId: 'VIEWER' }, '/members/VIEWER', 'DELETE', undefined],
  ] as const)('cannot %s: 403 tenant_inactive', async (_label, handler, extra, suffix, method, body) => {
    const fill = (value: string) => value.replace('KNOWLEDGE', knowledgeId).replace('VIEWER', world.home.viewer.userId)
    const params = Object.fromEntries(Object.entries({ id: world.home.id, ...extra }).map(([key, value]) => [key, fill(value)]))
    const reply = await answer(handler as unknown as RouteHandler<RouteParams>, params, fill(`${tenantPath()}${suffix}`), {
      method,
      body,
      cookie: admin,
    })
    expect(reply.status).toBe(403)
    expect(codeOf(reply)).toBe('tenant_inactive')
  })

  it('changed nothing by trying', async () => {
    const counts = await withService(db, (tx) =>
      tx.query<{ knowledge: number; members: number; invitations: number; name: string }>(
        `select (select count(*)::int from public.tenant_knowledge where tenant_id = $1) as knowledge,
                (select count(*)::int from public.tenant_users where tenant_id = $1) as members,
                (select count(*)::int from public.tenant_invitations where tenant_id = $1) as invitations,
                (select name from public.tenants where id = $1) as name`,
        [world.home.id],
      ),
    )
    expect(counts[0]).toEqual({ knowledge: 1, members: 3, invitations: 0, name: 'Home Tenant' })
  })

  it('is refused the same way when writing to the database directly with their own claims', async () => {
    const claims = { sub: world.home.admin.userId, email: world.home.admin.email }
    await expect(
      withUser(db, claims, (tx) =>
        tx.query("insert into public.tenant_knowledge (tenant_id, title, content) values ($1, 'Direct', 'Written around the app.')", [
          world.home.id,
        ]),
      ),
    ).rejects.toMatchObject({ code: 'OR423' })
    await expect(
      withUser(db, claims, (tx) => tx.query("update public.tenants set name = 'Direct rename' where id = $1", [world.home.id])),
    ).rejects.toMatchObject({ code: 'OR423' })
  })
})

describe('around a suspended tenant', () => {
  it('tells a non-member nothing: an outsider still gets the plain refusal', async () => {
    const outsider = await loginCookie(db, world.other.admin.userId)
    const reply = await answer(putTenantRoute, { id: world.home.id }, tenantPath(), {
      method: 'PUT',
      body: { name: 'X Y' },
      cookie: outsider,
    })
    expect(reply.status).toBe(404)
  })

  it('lets a member leave', async () => {
    const user = await loginCookie(db, world.home.user.userId)
    const path = `${tenantPath()}/members/${world.home.user.userId}`
    const reply = await answer(removeMemberRoute, { id: world.home.id, userId: world.home.user.userId }, path, {
      method: 'DELETE',
      cookie: user,
    })
    expect(reply.status).toBe(204)
  })

  it('lets a platform admin change it and reactivate it, after which its admin writes again', async () => {
    const rename = await answer(putTenantRoute, { id: world.home.id }, tenantPath(), {
      method: 'PUT',
      body: { name: 'Renamed By Platform' },
      cookie: platform,
    })
    expect(rename.status).toBe(200)
    const reactivate = await answer(putTenantRoute, { id: world.home.id }, tenantPath(), {
      method: 'PUT',
      body: { status: 'active' },
      cookie: platform,
    })
    expect(reactivate.status).toBe(200)
    invalidateTenantRoutes()
    const write = await answer(putTenantRoute, { id: world.home.id }, tenantPath(), {
      method: 'PUT',
      body: { name: 'Renamed By Admin' },
      cookie: admin,
    })
    expect(write.status).toBe(200)
  })
})
