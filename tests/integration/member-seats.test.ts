import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as removeMemberRoute } from '@/app/api/admin/tenants/[id]/members/[userId]/route'
import { POST as addMemberRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { POST as acceptRoute } from '@/app/api/auth/invitations/accept/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { addMember, apiRequest, createTenant, createUser, loginCookie, withoutParams } from '../support/auth'
import { INVITE_LINK, mailedToken } from '../support/mailbox'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/*
 * The members limit is a count of seats, owned by SQL (app_private.enforce_member_seats):
 * members and pending invitations each hold one. The concurrent cases are meaningful on
 * a real server (TEST_DATABASE_URL); on embedded PGlite they run one after the other.
 */

let db: TestDatabase
const accept = withoutParams(acceptRoute)

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

async function seatedTenant(slug: string, seats: number | null): Promise<{ id: string; cookie: string }> {
  const tenant = await createTenant(db, { slug, limits: { members: seats } })
  const admin = await createUser(db, { email: `admin@${slug}.test` })
  await addMember(db, tenant.id, admin.userId, 'admin')
  return { id: tenant.id, cookie: await loginCookie(db, admin.userId) }
}

const invite = (tenant: { id: string; cookie: string }, email: string) =>
  addMemberRoute(
    apiRequest(`/api/admin/tenants/${tenant.id}/members`, { method: 'POST', cookie: tenant.cookie, body: { email, role: 'user' } }),
    { params: Promise.resolve({ id: tenant.id }) },
  )

async function acceptAs(email: string): Promise<Response> {
  const user = await createUser(db, { email })
  const token = await mailedToken(db, email, INVITE_LINK)
  return accept(apiRequest('/api/auth/invitations/accept', { method: 'POST', cookie: await loginCookie(db, user.userId), body: { token } }))
}

async function memberCount(tenantId: string): Promise<number> {
  const rows = await withService(db, (tx) =>
    tx.query<{ count: number }>('select count(*)::int as count from public.tenant_users where tenant_id = $1', [tenantId]),
  )
  return rows[0]?.count ?? -1
}

const setSeats = (tenantId: string, seats: number) =>
  withService(db, (tx) =>
    tx.query(`update public.tenants set limits = jsonb_build_object('members', $2::int) where id = $1`, [tenantId, seats]),
  )

describe('member seats', () => {
  it('count a pending invitation: with 2 seats, the admin and one invitee fill them and a second invitation is 429', async () => {
    const tenant = await seatedTenant('seats-full', 2)
    expect((await invite(tenant, 'first@seats-full.test')).status).toBe(201)
    const refused = await invite(tenant, 'second@seats-full.test')
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'limit_reached',
      message: expect.stringContaining('allows 2 members'),
    })
  })

  it('let the invitee in, still full afterwards, and free a seat when a member is removed', async () => {
    const tenant = await seatedTenant('seats-cycle', 2)
    expect((await invite(tenant, 'one@seats-cycle.test')).status).toBe(201)
    expect((await acceptAs('one@seats-cycle.test')).status).toBe(200)
    expect(await memberCount(tenant.id)).toBe(2)
    expect((await invite(tenant, 'two@seats-cycle.test')).status).toBe(429)
    const one = await withService(db, (tx) => tx.query<{ id: string }>("select id from auth.users where email = 'one@seats-cycle.test'"))
    const removed = await removeMemberRoute(
      apiRequest(`/api/admin/tenants/${tenant.id}/members/${one[0]?.id}`, { method: 'DELETE', cookie: tenant.cookie }),
      { params: Promise.resolve({ id: tenant.id, userId: String(one[0]?.id) }) },
    )
    expect(removed.status).toBe(204)
    expect((await invite(tenant, 'two@seats-cycle.test')).status).toBe(201)
  })

  it('let an address be invited again without counting its earlier invitation twice', async () => {
    const tenant = await seatedTenant('seats-resend', 2)
    expect((await invite(tenant, 'again@seats-resend.test')).status).toBe(201)
    expect((await invite(tenant, 'again@seats-resend.test')).status).toBe(201)
  })

  it('hold for invitations made before the limit was lowered: the second accept is refused', async () => {
    const tenant = await seatedTenant('seats-lowered', null)
    expect((await invite(tenant, 'a@seats-lowered.test')).status).toBe(201)
    expect((await invite(tenant, 'b@seats-lowered.test')).status).toBe(201)
    await setSeats(tenant.id, 2)
    expect((await acceptAs('a@seats-lowered.test')).status).toBe(200)
    expect((await acceptAs('b@seats-lowered.test')).status).toBe(429)
    expect(await memberCount(tenant.id)).toBe(2)
  })

  it('hold for memberships the server makes itself', async () => {
    const tenant = await seatedTenant('seats-server', 1)
    const extra = await createUser(db, { email: 'extra@seats-server.test' })
    await expect(addMember(db, tenant.id, extra.userId, 'user')).rejects.toMatchObject({ code: 'OR429' })
  })
})

describe('member seats under concurrency (meaningful on a real server: TEST_DATABASE_URL)', () => {
  it('two accepts racing for the last seat: exactly one gets in', async () => {
    for (let round = 0; round < 5; round++) {
      const slug = `seats-race-${round}`
      const tenant = await seatedTenant(slug, null)
      expect((await invite(tenant, `a@${slug}.test`)).status).toBe(201)
      expect((await invite(tenant, `b@${slug}.test`)).status).toBe(201)
      await setSeats(tenant.id, 2)
      const statuses = await Promise.all([acceptAs(`a@${slug}.test`), acceptAs(`b@${slug}.test`)].map((p) => p.then((r) => r.status)))
      expect(statuses.sort()).toEqual([200, 429])
      expect(await memberCount(tenant.id)).toBe(2)
    }
  })

  it('two invitations racing for the last seat: exactly one is sent', async () => {
    for (let round = 0; round < 5; round++) {
      const slug = `seats-invite-race-${round}`
      const tenant = await seatedTenant(slug, 2)
      const statuses = await Promise.all(
        [invite(tenant, `x@${slug}.test`), invite(tenant, `y@${slug}.test`)].map((p) => p.then((r) => r.status)),
      )
      expect(statuses.sort()).toEqual([201, 429])
    }
  })
})
