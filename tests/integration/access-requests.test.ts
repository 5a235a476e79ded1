import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as decideRoute } from '@/app/api/tenant/[slug]/access-requests/[id]/decision/route'
import { GET as listRoute, POST as fileRoute } from '@/app/api/tenant/[slug]/access-requests/route'
import { POST as oracleRoute } from '@/app/api/tenant/[slug]/oracle/route'
import { errorBodySchema } from '@/lib/contracts/errors'
import { accessRequestListResponseSchema, accessRequestResponseSchema, type AccessRequest } from '@/lib/contracts/requests'
import { setDatabaseForTests, withService } from '@/lib/db'
import { createTenant, makePlatformAdmin } from '../support/auth'
import { outboxFor } from '../support/mailbox'
import { answer, expectContract, type Reply } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

/*
 * Access requests through the real routes: a signed-in non-member asks, the tenant's admin
 * approves with a role (they can chat at once) or rejects with a note (still refused); a
 * decision is final, nobody decides their own request, seats hold, and bad input is a 4xx.
 */

let db: TestDatabase
let tenant: { id: string; slug: string }
let other: { id: string; slug: string }
let admin: Member
let user: Member
let otherAdmin: Member
let root: Member

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'gate-firm', name: 'Gate Firm' })
  other = await createTenant(db, { slug: 'gate-other', name: 'Gate Other' })
  admin = await signedInMember(db, tenant.id, 'admin@gate.test', 'admin')
  user = await signedInMember(db, tenant.id, 'user@gate.test', 'user')
  otherAdmin = await signedInMember(db, other.id, 'admin@gate-other.test', 'admin')
  root = await signedInMember(db, null, 'root@gate.test')
  await makePlatformAdmin(db, root.userId)
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const base = (slug: string) => `/api/tenant/${slug}/access-requests`
const file = (who: Member | null, body: unknown, slug = tenant.slug) =>
  answer(fileRoute, { slug }, base(slug), { method: 'POST', body, cookie: who?.cookie })
const list = (who: Member, query = '', slug = tenant.slug) => answer(listRoute, { slug }, `${base(slug)}${query}`, { cookie: who.cookie })
const decide = (who: Member, id: string, body: unknown, slug = tenant.slug) =>
  answer(decideRoute, { slug, id }, `${base(slug)}/${id}/decision`, { method: 'POST', body, cookie: who.cookie })
const ask = async (who: Member) =>
  (await oracleRoute(oracleRequest(tenant.slug, { input: 'Hello?' }, { cookie: who.cookie }), slugParams({ slug: tenant.slug }))).status

function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.status).toBe(status)
  expect(errorBodySchema.parse(reply.body).error.code).toBe(code)
}

async function filed(who: Member, message = 'I work with the Gate team.'): Promise<AccessRequest> {
  return expectContract(accessRequestResponseSchema, await file(who, { message }), 201).request
}

const membership = async (userId: string) =>
  (
    await withService(db, (tx) =>
      tx.query<{ role: string }>('select role from public.tenant_users where tenant_id = $1 and user_id = $2', [tenant.id, userId]),
    )
  )[0]?.role ?? null

describe('a non-member asks to join', () => {
  it('is approved with a role: a member at once, who can chat; audited, with its history and a mail', async () => {
    const asker = await signedInMember(db, null, 'asker@gate.test')
    expect(await ask(asker)).toBe(403)
    const request = await filed(asker)
    expect(request).toMatchObject({ status: 'pending', email: 'asker@gate.test', role: null, tenantId: tenant.id })

    const pending = expectContract(accessRequestListResponseSchema, await list(admin, '?status=pending'), 200).requests
    expect(pending.map((r) => r.id)).toContain(request.id)

    const decided = expectContract(accessRequestResponseSchema, await decide(admin, request.id, { decision: 'approve', role: 'user' }), 200)
    expect(decided.request).toMatchObject({ status: 'approved', role: 'user', decisionNote: null })
    expect(decided.request.history.map((event) => event.status)).toEqual(['pending', 'approved'])
    expect(await membership(asker.userId)).toBe('user')
    expect(await ask(asker)).toBe(200)

    const audit = await withService(db, (tx) =>
      tx.query<{ actor_id: string; target_id: string; after: { role: string; requestId: string } }>(
        "select actor_id, target_id, after from public.audit_logs where tenant_id = $1 and action = 'access_request.approve'",
        [tenant.id],
      ),
    )
    expect(audit).toEqual([
      { actor_id: admin.userId, target_id: asker.userId, after: expect.objectContaining({ role: 'user', requestId: request.id }) },
    ])
    expect((await outboxFor(db, 'asker@gate.test'))[0]?.subject).toBe('You can now use Gate Firm')
  })

  it('is rejected with a note: still refused, told why, and may ask again', async () => {
    const asker = await signedInMember(db, null, 'declined@gate.test')
    const request = await filed(asker)
    const decided = expectContract(
      accessRequestResponseSchema,
      await decide(admin, request.id, { decision: 'reject', note: 'We only admit staff.' }),
      200,
    )
    expect(decided.request).toMatchObject({ status: 'rejected', role: null, decisionNote: 'We only admit staff.' })
    expect(await membership(asker.userId)).toBeNull()
    expect(await ask(asker)).toBe(403)

    const own = expectContract(accessRequestListResponseSchema, await list(asker), 200).requests
    expect(own).toEqual([expect.objectContaining({ id: request.id, status: 'rejected', decisionNote: 'We only admit staff.' })])
    expect((await outboxFor(db, 'declined@gate.test'))[0]?.text).toContain('We only admit staff.')

    expectError(await decide(admin, request.id, { decision: 'approve' }), 409, 'conflict')
    expect(await membership(asker.userId)).toBeNull()
    expect((await filed(asker, 'I joined the staff since.')).status).toBe('pending')
  })

  it('cannot ask twice while a request is pending, nor as a member (409 in the error shape)', async () => {
    const asker = await signedInMember(db, null, 'twice@gate.test')
    await filed(asker)
    expectError(await file(asker, { message: 'Again, please.' }), 409, 'conflict')
    expectError(await file(user, { message: 'I am in already.' }), 409, 'conflict')
  })
})

describe('who decides', () => {
  it('nobody approves their own request: a platform admin who asked is refused and the request stays pending', async () => {
    const request = await filed(root, 'The platform would like to look around.')
    expectError(await decide(root, request.id, { decision: 'approve', role: 'admin' }), 403, 'forbidden')
    const own = expectContract(accessRequestListResponseSchema, await list(root), 200).requests
    expect(own.find((r) => r.id === request.id)?.status).toBe('pending')
    expect(await membership(root.userId)).toBeNull()
    // Another admin may.
    expect(expectContract(accessRequestResponseSchema, await decide(admin, request.id, { decision: 'reject' }), 200).request.status).toBe(
      'rejected',
    )
  })

  it('a member who is not an admin gets 403, another tenant’s admin 404; each sees only their own requests', async () => {
    const asker = await signedInMember(db, null, 'watched@gate.test')
    const request = await filed(asker)
    expectError(await decide(user, request.id, { decision: 'approve' }), 403, 'forbidden')
    expectError(await decide(otherAdmin, request.id, { decision: 'approve' }), 404, 'not_found')
    // Named through the other tenant's path, the request is not that tenant's.
    expectError(await decide(otherAdmin, request.id, { decision: 'approve' }, other.slug), 404, 'not_found')
    expect(expectContract(accessRequestListResponseSchema, await list(user), 200).requests).toEqual([])
    expect(expectContract(accessRequestListResponseSchema, await list(otherAdmin), 200).requests).toEqual([])
    expect(expectContract(accessRequestListResponseSchema, await list(asker), 200).requests.map((r) => r.id)).toEqual([request.id])
    expect(await membership(asker.userId)).toBeNull()
  })

  it('a full tenant refuses the approval (429) and nothing changes: the request stays pending', async () => {
    const small = await createTenant(db, { slug: 'gate-small', limits: { members: 1 } })
    const smallAdmin = await signedInMember(db, small.id, 'admin@gate-small.test', 'admin')
    const asker = await signedInMember(db, null, 'squeezed@gate.test')
    const request = expectContract(
      accessRequestResponseSchema,
      await file(asker, { message: 'Room for one more?' }, small.slug),
      201,
    ).request
    expectError(await decide(smallAdmin, request.id, { decision: 'approve' }, small.slug), 429, 'limit_reached')
    const still = expectContract(accessRequestListResponseSchema, await list(smallAdmin, '?status=pending', small.slug), 200).requests
    expect(still.map((r) => [r.id, r.history.length])).toEqual([[request.id, 1]])
  })
})

describe('at the same moment (races mean something on Postgres: TEST_DATABASE_URL)', () => {
  it('two approvals for the last seat: one member, one 429; the same request approved twice: one 200, one 409', async () => {
    const tight = await createTenant(db, { slug: 'gate-tight', limits: { members: 2 } })
    const tightAdmin = await signedInMember(db, tight.id, 'admin@gate-tight.test', 'admin')
    const first = await signedInMember(db, null, 'first@gate-tight.test')
    const second = await signedInMember(db, null, 'second@gate-tight.test')
    const [a, b] = await Promise.all(
      [first, second].map(
        async (who) =>
          expectContract(accessRequestResponseSchema, await file(who, { message: 'One seat left?' }, tight.slug), 201).request.id,
      ),
    )
    const statuses = await Promise.all(
      [a, b].map(async (id) => (await decide(tightAdmin, id ?? '', { decision: 'approve' }, tight.slug)).status),
    )
    expect(statuses.sort()).toEqual([200, 429])
    const members = await withService(db, (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from public.tenant_users where tenant_id = $1', [tight.id]),
    )
    expect(members[0]?.n).toBe(2)

    const asker = await signedInMember(db, null, 'racer@gate.test')
    const request = await filed(asker)
    const twice = await Promise.all([admin, root].map(async (who) => (await decide(who, request.id, { decision: 'approve' })).status))
    expect(twice.sort()).toEqual([200, 409])
  })
})

describe('bad requests are 4xx in the error shape', () => {
  it.each([
    ['no message', {}, 'message'],
    ['an empty message', { message: '   ' }, 'message'],
    ['a message too long', { message: 'x'.repeat(2001) }, 'message'],
    ['an unknown field', { message: 'Hi', role: 'admin' }, '_'],
  ])('filing with %s is 400', async (_label, body, field) => {
    const reply = await file(otherAdmin, body)
    expectError(reply, 400, 'bad_request')
    if (field !== '_') expect(Object.keys((reply.body as { error: { details: { fields: object } } }).error.details.fields)).toContain(field)
  })

  it.each([
    ['an unknown decision', { decision: 'maybe' }],
    ['a role on a rejection', { decision: 'reject', role: 'user' }],
    ['an unknown role', { decision: 'approve', role: 'owner' }],
    ['a note too long', { decision: 'reject', note: 'n'.repeat(2001) }],
  ])('deciding with %s is 400', async (_label, body) => {
    expectError(await decide(admin, '3f1e1a52-7d41-4c8e-9a7b-0d6f1c2b3a4d', body), 400, 'bad_request')
  })

  it('no session is 401, an unknown tenant or request 404', async () => {
    expectError(await file(null, { message: 'Hello' }), 401, 'unauthorized')
    expectError(await file(admin, { message: 'Hello' }, 'no-such-tenant'), 404, 'not_found')
    expectError(await decide(admin, 'not-a-uuid', { decision: 'approve' }), 404, 'not_found')
    expectError(await decide(admin, '3f1e1a52-7d41-4c8e-9a7b-0d6f1c2b3a4d', { decision: 'approve' }), 404, 'not_found')
    expectError(await list(admin, '?status=maybe'), 400, 'bad_request')
  })
})

describe('deleting an account', () => {
  it('takes the person’s requests with it, and leaves the requests they decided without their id', async () => {
    const second = await signedInMember(db, tenant.id, 'second-admin@gate.test', 'admin')
    const asker = await signedInMember(db, null, 'erased@gate.test')
    const kept = await signedInMember(db, null, 'kept@gate.test')
    await filed(asker)
    const decided = await filed(kept)
    await decide(second, decided.id, { decision: 'reject', note: 'No.' })
    await withService(db, (tx) => tx.query('delete from auth.users where id = any($1::uuid[])', [[asker.userId, second.userId]]))
    const rows = await withService(db, (tx) =>
      tx.query<{ user_id: string; status: string; decided_by: string | null }>(
        'select user_id, status, decided_by from public.tenant_access_requests where user_id = any($1::uuid[])',
        [[asker.userId, kept.userId]],
      ),
    )
    expect(rows).toEqual([{ user_id: kept.userId, status: 'rejected', decided_by: null }])
  })
})
