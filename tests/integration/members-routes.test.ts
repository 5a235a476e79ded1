import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as removeRoute, PATCH as patchRoute } from '@/app/api/admin/tenants/[id]/members/[userId]/route'
import { GET as listRoute, POST as addRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { addMember, apiRequest, createTenant, createUser, loginCookie, makePlatformAdmin } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

let db: TestDatabase
let acme: { id: string }
let globex: { id: string }
const cookies: Record<'platform' | 'acmeAdmin' | 'acmeUser' | 'acmeViewer' | 'globexAdmin' | 'outsider', string> = {
  platform: '',
  acmeAdmin: '',
  acmeUser: '',
  acmeViewer: '',
  globexAdmin: '',
  outsider: '',
}
const ids: Record<string, string> = {}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  acme = await createTenant(db, { slug: 'acme', name: 'Acme' })
  globex = await createTenant(db, { slug: 'globex', name: 'Globex' })
  const people = [
    ['platform', null, null],
    ['acmeAdmin', acme.id, 'admin'],
    ['acmeUser', acme.id, 'user'],
    ['acmeViewer', acme.id, 'viewer'],
    ['globexAdmin', globex.id, 'admin'],
    ['outsider', null, null],
  ] as const
  for (const [name, tenantId, role] of people) {
    const user = await createUser(db, { email: `${name.toLowerCase()}@example.com` })
    ids[name] = user.userId
    if (tenantId && role) await addMember(db, tenantId, user.userId, role)
    cookies[name] = await loginCookie(db, user.userId)
  }
  await makePlatformAdmin(db, ids.platform ?? '')
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

type Who = keyof typeof cookies
const ctx = (id: string) => ({ params: Promise.resolve({ id }) })
const ctx2 = (id: string, userId: string) => ({ params: Promise.resolve({ id, userId }) })
const add = (who: Who, tenantId: string, body: unknown) =>
  addRoute(apiRequest(`/api/admin/tenants/${tenantId}/members`, { method: 'POST', cookie: cookies[who], body }), ctx(tenantId))
const list = (who: Who, tenantId: string) =>
  listRoute(apiRequest(`/api/admin/tenants/${tenantId}/members`, { cookie: cookies[who] }), ctx(tenantId))
const patch = (who: Who, tenantId: string, userId: string, body: unknown) =>
  patchRoute(
    apiRequest(`/api/admin/tenants/${tenantId}/members/${userId}`, { method: 'PATCH', cookie: cookies[who], body }),
    ctx2(tenantId, userId),
  )
const remove = (who: Who, tenantId: string, userId: string) =>
  removeRoute(
    apiRequest(`/api/admin/tenants/${tenantId}/members/${userId}`, { method: 'DELETE', cookie: cookies[who] }),
    ctx2(tenantId, userId),
  )
const auditCount = async (tenantId: string, action: string, targetId: string) => {
  const rows = await withService(db, (tx) =>
    tx.query<{ n: number }>('select count(*)::int as n from public.audit_logs where tenant_id = $1 and action = $2 and target_id = $3', [
      tenantId,
      action,
      targetId,
    ]),
  )
  return rows[0]?.n ?? 0
}

describe('adding members', () => {
  it('answers the same for an address with an account and one without, invites both, and attaches neither', async () => {
    const newcomer = await createUser(db, { email: 'newcomer@example.com' })
    const known = await add('acmeAdmin', acme.id, { email: 'Newcomer@Example.com', role: 'user' })
    const unknown = await add('acmeAdmin', acme.id, { email: 'nobody-yet@example.com', role: 'user' })
    expect(known.status).toBe(201)
    expect(unknown.status).toBe(201)
    const shape = (body: { invitation: Record<string, unknown> }) => ({ ...body.invitation, email: '-', expiresAt: '-' })
    expect(shape(await known.json())).toEqual(shape(await unknown.json()))
    expect(await auditCount(acme.id, 'member.add', newcomer.userId)).toBe(0)
    const attached = await withService(db, (tx) =>
      tx.query('select 1 from public.tenant_users where tenant_id = $1 and user_id = $2', [acme.id, newcomer.userId]),
    )
    expect(attached).toHaveLength(0)
  })

  it('lets a platform admin add members to any tenant', async () => {
    const response = await add('platform', globex.id, { email: 'outsider@example.com', role: 'viewer' })
    expect(response.status).toBe(201)
  })

  it('answers 409 when the person is already a member', async () => {
    const response = await add('acmeAdmin', acme.id, { email: 'acmeuser@example.com', role: 'viewer' })
    expect(response.status).toBe(409)
  })

  it('answers 404 to the admin of another tenant, and adds nobody', async () => {
    const response = await add('globexAdmin', acme.id, { email: 'outsider@example.com', role: 'admin' })
    expect(response.status).toBe(404)
    const rows = await withService(db, (tx) =>
      tx.query('select 1 from public.tenant_users where tenant_id = $1 and user_id = $2', [acme.id, ids.outsider]),
    )
    expect(rows).toHaveLength(0)
  })

  it.each(['acmeUser', 'acmeViewer'] as const)('answers 403 to a %s of the tenant', async (who) => {
    expect((await add(who, acme.id, { email: 'outsider@example.com', role: 'viewer' })).status).toBe(403)
    expect((await list(who, acme.id)).status).toBe(403)
  })

  it('answers 401 without a session', async () => {
    const response = await addRoute(
      apiRequest(`/api/admin/tenants/${acme.id}/members`, { method: 'POST', body: { email: 'x@example.com', role: 'user' } }),
      ctx(acme.id),
    )
    expect(response.status).toBe(401)
  })

  it.each([['platform_admin'], ['owner'], ['superuser']])(
    'cannot grant the role %s (400): platform admin is not grantable through the API',
    async (role) => {
      const response = await add('acmeAdmin', acme.id, { email: 'outsider@example.com', role })
      expect(response.status).toBe(400)
      const admins = await withService(db, (tx) => tx.query('select 1 from public.platform_admins where user_id = $1', [ids.outsider]))
      expect(admins).toHaveLength(0)
    },
  )

  it('answers 400 for a malformed body and 404 for a tenant id that is not a uuid', async () => {
    expect((await add('acmeAdmin', acme.id, { email: 'nope', role: 'user' })).status).toBe(400)
    expect((await add('acmeAdmin', acme.id, { email: 'a@example.com', role: 'user', isPlatformAdmin: true })).status).toBe(400)
    expect((await add('acmeAdmin', 'not-a-uuid', { email: 'a@example.com', role: 'user' })).status).toBe(404)
  })

  it("refuses a member beyond the plan's member limit (429), counting pending invitations", async () => {
    const small = await createTenant(db, {
      slug: 'small-team',
      limits: { conversationsPerMonth: 10, tokensPerMonth: null, storageMb: 10, members: 2 },
    })
    await addMember(db, small.id, ids.acmeAdmin ?? '', 'admin')
    const cookie = await loginCookie(db, ids.acmeAdmin ?? '')
    const post = (email: string) =>
      addRoute(
        apiRequest(`/api/admin/tenants/${small.id}/members`, { method: 'POST', cookie, body: { email, role: 'user' } }),
        ctx(small.id),
      )
    expect((await post('first-invitee@example.com')).status).toBe(201)
    expect((await post('second-invitee@example.com')).status).toBe(429)
  })
})

describe('listing, role changes and removal', () => {
  it('lists the members with emails and roles, plus pending invitations', async () => {
    await add('acmeAdmin', acme.id, { email: 'pending@example.com', role: 'viewer' })
    const response = await list('acmeAdmin', acme.id)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { members: { email: string; role: string }[]; invitations: { email: string }[] }
    expect(body.members.map((m) => [m.email, m.role])).toEqual(
      expect.arrayContaining([
        ['acmeadmin@example.com', 'admin'],
        ['acmeuser@example.com', 'user'],
        ['acmeviewer@example.com', 'viewer'],
      ]),
    )
    expect(body.members.some((m) => m.email === 'globexadmin@example.com')).toBe(false)
    expect(body.invitations.map((i) => i.email)).toContain('pending@example.com')
    expect((await list('globexAdmin', acme.id)).status).toBe(404)
  })

  it('changes a role with PATCH and audits before and after', async () => {
    const response = await patch('acmeAdmin', acme.id, ids.acmeViewer ?? '', { role: 'user' })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { member: { role: string } }).member.role).toBe('user')
    expect(await auditCount(acme.id, 'member.role_change', ids.acmeViewer ?? '')).toBe(1)
    expect((await patch('acmeAdmin', acme.id, ids.acmeViewer ?? '', { role: 'platform_admin' })).status).toBe(400)
    expect((await patch('globexAdmin', acme.id, ids.acmeViewer ?? '', { role: 'admin' })).status).toBe(404)
    expect((await patch('acmeUser', acme.id, ids.acmeViewer ?? '', { role: 'admin' })).status).toBe(403)
  })

  it('will not demote or remove the last admin (409), and writes no audit row for the refusal', async () => {
    const demote = await patch('acmeAdmin', acme.id, ids.acmeAdmin ?? '', { role: 'user' })
    expect(demote.status).toBe(409)
    const removal = await remove('platform', acme.id, ids.acmeAdmin ?? '')
    expect(removal.status).toBe(409)
    expect(await auditCount(acme.id, 'member.remove', ids.acmeAdmin ?? '')).toBe(0)
    expect(await auditCount(acme.id, 'member.role_change', ids.acmeAdmin ?? '')).toBe(0)
  })

  it('removes a member (204), audits it, and answers 404 for someone who is not a member', async () => {
    const gone = await createUser(db, { email: 'leaving@example.com' })
    await addMember(db, acme.id, gone.userId, 'viewer')
    expect((await remove('acmeViewer', acme.id, gone.userId)).status).toBe(403)
    expect((await remove('globexAdmin', acme.id, gone.userId)).status).toBe(404)
    expect((await remove('acmeAdmin', acme.id, gone.userId)).status).toBe(204)
    expect(await auditCount(acme.id, 'member.remove', gone.userId)).toBe(1)
    expect((await remove('acmeAdmin', acme.id, gone.userId)).status).toBe(404)
  })

  it('lets an admin who is not the last one step down by removing themselves', async () => {
    const second = await createUser(db, { email: 'second-admin@example.com' })
    await addMember(db, globex.id, second.userId, 'admin')
    const cookie = await loginCookie(db, second.userId)
    const response = await removeRoute(
      apiRequest(`/api/admin/tenants/${globex.id}/members/${second.userId}`, { method: 'DELETE', cookie }),
      ctx2(globex.id, second.userId),
    )
    expect(response.status).toBe(204)
    expect(await auditCount(globex.id, 'member.remove', second.userId)).toBe(1)
  })
})
