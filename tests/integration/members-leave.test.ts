import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as removeRoute, PATCH as patchRoute } from '@/app/api/admin/tenants/[id]/members/[userId]/route'
import { DELETE as deleteAccountRoute } from '@/app/api/auth/account/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { addMember, apiRequest, createTenant, createUser, loginCookie, withoutParams } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const deleteAccount = withoutParams(deleteAccountRoute)

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const ctx = (id: string, userId: string) => ({ params: Promise.resolve({ id, userId }) })
const remove = (cookie: string, tenantId: string, userId: string) =>
  removeRoute(apiRequest(`/api/admin/tenants/${tenantId}/members/${userId}`, { method: 'DELETE', cookie }), ctx(tenantId, userId))
const setRole = (cookie: string, tenantId: string, userId: string, role: string) =>
  patchRoute(
    apiRequest(`/api/admin/tenants/${tenantId}/members/${userId}`, { method: 'PATCH', cookie, body: { role } }),
    ctx(tenantId, userId),
  )
const roleOf = async (tenantId: string, userId: string) =>
  (
    await withService(db, (tx) =>
      tx.query<{ role: string }>('select role from public.tenant_users where tenant_id = $1 and user_id = $2', [tenantId, userId]),
    )
  )[0]?.role ?? null
const adminCount = async (tenantId: string) =>
  (
    await withService(db, (tx) =>
      tx.query<{ n: number }>("select count(*)::int as n from public.tenant_users where tenant_id = $1 and role = 'admin'", [tenantId]),
    )
  )[0]?.n ?? 0

let serial = 0
async function person(tenantId: string, role: 'admin' | 'user' | 'viewer') {
  serial += 1
  const user = await createUser(db, { email: `person-${serial}@leave.test` })
  await addMember(db, tenantId, user.userId, role)
  return { ...user, cookie: await loginCookie(db, user.userId) }
}

describe('leaving a tenant', () => {
  it.each(['user', 'viewer'] as const)('a %s leaves by removing themselves (204), and it is audited', async (role) => {
    const tenant = await createTenant(db, { slug: `leave-${role}` })
    await person(tenant.id, 'admin')
    const member = await person(tenant.id, role)
    expect((await remove(member.cookie, tenant.id, member.userId)).status).toBe(204)
    expect(await roleOf(tenant.id, member.userId)).toBeNull()
    const audits = await withService(db, (tx) =>
      tx.query("select 1 from public.audit_logs where tenant_id = $1 and action = 'member.remove' and target_id = $2", [
        tenant.id,
        member.userId,
      ]),
    )
    expect(audits).toHaveLength(1)
  })

  it('a member still cannot remove someone else (403)', async () => {
    const tenant = await createTenant(db, { slug: 'leave-others' })
    const admin = await person(tenant.id, 'admin')
    const member = await person(tenant.id, 'user')
    expect((await remove(member.cookie, tenant.id, admin.userId)).status).toBe(403)
  })

  it('an admin steps down with PATCH while another admin exists, and gets their new membership back (200)', async () => {
    const tenant = await createTenant(db, { slug: 'step-down' })
    const first = await person(tenant.id, 'admin')
    await person(tenant.id, 'admin')
    const response = await setRole(first.cookie, tenant.id, first.userId, 'user')
    expect(response.status).toBe(200)
    expect(((await response.json()) as { member: { role: string } }).member.role).toBe('user')
    expect(await roleOf(tenant.id, first.userId)).toBe('user')
  })

  it('an admin someone else made admin leaves, or deletes their account, once another admin remains; the last admin only gets 409', async () => {
    const tenant = await createTenant(db, { slug: 'trap' })
    const victim = await person(tenant.id, 'admin')
    expect((await remove(victim.cookie, tenant.id, victim.userId)).status).toBe(409)
    await person(tenant.id, 'admin')
    expect((await remove(victim.cookie, tenant.id, victim.userId)).status).toBe(204)

    const other = await createTenant(db, { slug: 'trap-account' })
    const alone = await person(other.id, 'admin')
    expect((await deleteAccount(apiRequest('/api/auth/account', { method: 'DELETE', cookie: alone.cookie }))).status).toBe(409)
    await person(other.id, 'admin')
    expect((await deleteAccount(apiRequest('/api/auth/account', { method: 'DELETE', cookie: alone.cookie }))).status).toBe(204)
  })
})

describe('the last admin under concurrency (meaningful on a real server: TEST_DATABASE_URL)', () => {
  it('two admins demoting each other at once never leave the tenant without an admin', async () => {
    for (let round = 0; round < 8; round++) {
      const tenant = await createTenant(db, { slug: `race-demote-${round}` })
      const a = await person(tenant.id, 'admin')
      const b = await person(tenant.id, 'admin')
      const statuses = await Promise.all([
        setRole(a.cookie, tenant.id, b.userId, 'user').then((response) => response.status),
        setRole(b.cookie, tenant.id, a.userId, 'user').then((response) => response.status),
      ])
      expect(await adminCount(tenant.id)).toBe(1)
      // The loser is either no admin any more when it starts (403) or finds it would be the last (409).
      expect(statuses.filter((status) => status === 200)).toHaveLength(1)
      expect(statuses.filter((status) => status === 403 || status === 409)).toHaveLength(1)
    }
  })

  it('two admins leaving at once: one leaves, the other stays admin', async () => {
    for (let round = 0; round < 8; round++) {
      const tenant = await createTenant(db, { slug: `race-leave-${round}` })
      const a = await person(tenant.id, 'admin')
      const b = await person(tenant.id, 'admin')
      const statuses = await Promise.all([
        remove(a.cookie, tenant.id, a.userId).then((response) => response.status),
        remove(b.cookie, tenant.id, b.userId).then((response) => response.status),
      ])
      expect(await adminCount(tenant.id)).toBe(1)
      expect(statuses.sort()).toEqual([204, 409])
    }
  })
})
