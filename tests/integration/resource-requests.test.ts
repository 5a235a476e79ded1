import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as decideRoute } from '@/app/api/admin/resource-requests/[id]/decision/route'
import { GET as platformListRoute } from '@/app/api/admin/resource-requests/route'
import { GET as tenantListRoute, POST as fileRoute } from '@/app/api/admin/tenants/[id]/resource-requests/route'
import { POST as oracleRoute } from '@/app/api/tenant/[slug]/oracle/route'
import { errorBodySchema } from '@/lib/contracts/errors'
import { resourceRequestListResponseSchema, resourceRequestResponseSchema, type ResourceRequest } from '@/lib/contracts/requests'
import { setDatabaseForTests, withService } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { getTenant } from '@/lib/multi-tenant/tenants'
import { addMember, createTenant, makePlatformAdmin } from '../support/auth'
import { outboxFor } from '../support/mailbox'
import { answer, expectContract, type Reply } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

/*
 * Resource requests through the real routes: a tenant admin asks the platform for limits,
 * a plan or restricted access; a platform admin approves (the change applies in the very
 * transaction that writes the decision and the audit row) or rejects with a note.
 */

let db: TestDatabase
let tenant: { id: string; slug: string }
let admin: Member
let member: Member
let root: Member
let otherRoot: Member

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'grow-firm', name: 'Grow Firm', limits: { conversationsPerMonth: 1 } })
  admin = await signedInMember(db, tenant.id, 'admin@grow.test', 'admin')
  member = await signedInMember(db, tenant.id, 'member@grow.test', 'user')
  root = await signedInMember(db, null, 'root@grow.test')
  otherRoot = await signedInMember(db, null, 'second-root@grow.test')
  await makePlatformAdmin(db, root.userId)
  await makePlatformAdmin(db, otherRoot.userId)
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const path = (id: string) => `/api/admin/tenants/${id}/resource-requests`
const file = (who: Member, body: unknown, id = tenant.id) =>
  answer(fileRoute, { id }, path(id), { method: 'POST', body, cookie: who.cookie })
const tenantList = (who: Member, id = tenant.id) => answer(tenantListRoute, { id }, path(id), { cookie: who.cookie })
const platformList = (who: Member, query = '?status=pending') =>
  answer(platformListRoute, {}, `/api/admin/resource-requests${query}`, { cookie: who.cookie })
const decide = (who: Member, id: string, body: unknown) =>
  answer(decideRoute, { id }, `/api/admin/resource-requests/${id}/decision`, { method: 'POST', body, cookie: who.cookie })
const newThread = async (who: Member) =>
  (await oracleRoute(oracleRequest(tenant.slug, { input: 'A new question' }, { cookie: who.cookie }), slugParams({ slug: tenant.slug })))
    .status

function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.status).toBe(status)
  expect(errorBodySchema.parse(reply.body).error.code).toBe(code)
}

async function filed(who: Member, body: Record<string, unknown>, id = tenant.id): Promise<ResourceRequest> {
  return expectContract(resourceRequestResponseSchema, await file(who, body, id), 201).request
}

const tenantNow = (id = tenant.id) => getTenant(actingAs(db, root.claims), id)

describe('a tenant admin asks for more limits and the platform approves', () => {
  it('applies the new limits in the transaction of the decision and its audit row; the next conversation is admitted', async () => {
    expect(await newThread(member)).toBe(200)
    expect(await newThread(member)).toBe(429)

    const request = await filed(admin, { kind: 'limits', limits: { conversationsPerMonth: 5 }, reason: 'Our team grew.' })
    expect(request).toMatchObject({ status: 'pending', kind: 'limits', limits: { conversationsPerMonth: 5 }, requesterEmail: admin.email })
    const pending = expectContract(resourceRequestListResponseSchema, await platformList(root), 200).requests
    expect(pending.map((r) => [r.id, r.tenantName])).toContainEqual([request.id, 'Grow Firm'])

    const decided = expectContract(
      resourceRequestResponseSchema,
      await decide(root, request.id, { decision: 'approve', note: 'Granted.' }),
      200,
    )
    expect(decided.request).toMatchObject({ status: 'approved', decisionNote: 'Granted.' })
    expect(decided.request.history.map((event) => [event.status, event.note])).toEqual([
      ['pending', null],
      ['approved', 'Granted.'],
    ])
    expect((await tenantNow()).limits.conversationsPerMonth).toBe(5)

    // One transaction wrote the tenant's new limits, the decision and the audit row: all three rows carry its id.
    const rows = await withService(db, (tx) =>
      tx.query<{ tenant_xid: string; request_xid: string; audit_xid: string; before: { limits: object }; after: { limits: object } }>(
        `select t.xmin::text as tenant_xid, r.xmin::text as request_xid, a.xmin::text as audit_xid, a.before, a.after
           from public.tenants t
           join public.tenant_resource_requests r on r.tenant_id = t.id
           join public.audit_logs a on a.tenant_id = t.id and a.action = 'resource_request.approve' and a.after ->> 'requestId' = r.id::text
          where t.id = $1 and r.id = $2`,
        [tenant.id, request.id],
      ),
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.tenant_xid).toBe(rows[0]?.audit_xid)
    expect(rows[0]?.request_xid).toBe(rows[0]?.audit_xid)
    expect(rows[0]?.before.limits).toMatchObject({ conversationsPerMonth: 1 })
    expect(rows[0]?.after.limits).toMatchObject({ conversationsPerMonth: 5 })

    expect(await newThread(member)).toBe(200)
    expect((await outboxFor(db, admin.email))[0]?.subject).toBe('Grow Firm: your request for new limits was approved')
    const own = expectContract(resourceRequestListResponseSchema, await tenantList(admin), 200).requests
    expect(own.map((r) => [r.id, r.status, r.decisionNote])).toContainEqual([request.id, 'approved', 'Granted.'])
  })

  it('approves a plan (with its default limits) and restricted access (the level and the feature)', async () => {
    const plan = await filed(admin, { kind: 'plan', planTier: 'professional', reason: 'More documents.' })
    await decide(root, plan.id, { decision: 'approve', note: 'Welcome to professional.' })
    const afterPlan = await tenantNow()
    expect(afterPlan.planTier).toBe('professional')
    expect(afterPlan.limits.conversationsPerMonth).toBe(10_000)

    const restricted = await filed(admin, { kind: 'restricted_access', reason: 'Client files.' })
    await decide(root, restricted.id, { decision: 'approve', note: 'Restricted from now on.' })
    const afterRestricted = await tenantNow()
    expect(afterRestricted).toMatchObject({ privacyLevel: 'restricted', publicAccess: false, features: { restrictedAccess: true } })
    expectError(await file(admin, { kind: 'restricted_access', reason: 'Again' }), 409, 'conflict')
  })

  it('a rejection changes nothing and tells the requester why', async () => {
    const before = await tenantNow()
    const request = await filed(admin, { kind: 'limits', limits: { storageMb: null }, reason: 'Unlimited storage please.' })
    const decided = expectContract(
      resourceRequestResponseSchema,
      await decide(root, request.id, { decision: 'reject', note: 'Not on this plan.' }),
      200,
    )
    expect(decided.request.status).toBe('rejected')
    expect((await tenantNow()).limits).toEqual(before.limits)
    expect((await outboxFor(db, admin.email))[0]?.text).toContain('Not on this plan.')
    expectError(await decide(otherRoot, request.id, { decision: 'approve', note: 'Changed my mind.' }), 409, 'conflict')
  })
})

describe('who asks and who decides', () => {
  it('one pending request per kind (409); only admins ask; only platform admins list and decide', async () => {
    const request = await filed(admin, { kind: 'limits', limits: { members: 50 }, reason: 'Hiring.' })
    expectError(await file(admin, { kind: 'limits', limits: { members: 60 }, reason: 'Hiring more.' }), 409, 'conflict')
    expectError(await file(member, { kind: 'plan', planTier: 'enterprise', reason: 'Please.' }), 403, 'forbidden')
    expectError(await file(root, { kind: 'plan', planTier: 'enterprise', reason: 'For them.' }), 403, 'forbidden')
    expectError(await platformList(admin), 403, 'forbidden')
    expectError(await decide(admin, request.id, { decision: 'approve', note: 'Self-service.' }), 403, 'forbidden')
    expectError(await tenantList(member), 403, 'forbidden')
    await decide(root, request.id, { decision: 'reject', note: 'Later.' })
  })

  it('nobody approves their own request: a platform admin who is also the tenant’s admin is refused, another may', async () => {
    const own = await createTenant(db, { slug: 'grow-own', name: 'Grow Own' })
    await addMember(db, own.id, root.userId, 'admin')
    const request = await filed(root, { kind: 'plan', planTier: 'enterprise', reason: 'We need it all.' }, own.id)
    expectError(await decide(root, request.id, { decision: 'approve', note: 'Looks fine to me.' }), 403, 'forbidden')
    expect((await tenantNow(own.id)).planTier).toBe('starter')
    const decided = expectContract(
      resourceRequestResponseSchema,
      await decide(otherRoot, request.id, { decision: 'approve', note: 'Fine.' }),
      200,
    )
    expect(decided.request.status).toBe('approved')
    expect((await tenantNow(own.id)).planTier).toBe('enterprise')
  })
})

describe('bad requests are 4xx in the error shape', () => {
  it.each([
    ['a plan without its tier', { kind: 'plan', reason: 'x' }, 'planTier'],
    ['limits without any limit', { kind: 'limits', limits: {}, reason: 'x' }, 'limits'],
    ['a tier on a limits request', { kind: 'limits', limits: { members: 3 }, planTier: 'starter', reason: 'x' }, 'planTier'],
    ['limits on restricted access', { kind: 'restricted_access', limits: { members: 3 }, reason: 'x' }, 'limits'],
    ['no reason', { kind: 'restricted_access' }, 'reason'],
    ['an unknown kind', { kind: 'everything', reason: 'x' }, 'kind'],
    ['a negative limit', { kind: 'limits', limits: { members: -1 }, reason: 'x' }, 'limits.members'],
  ])('filing %s is 400 naming the field', async (_label, body, field) => {
    const reply = await file(admin, body)
    expectError(reply, 400, 'bad_request')
    expect(Object.keys((reply.body as { error: { details: { fields: object } } }).error.details.fields)).toContain(field)
  })

  it('deciding without a note or with an unknown decision is 400; an unknown request 404', async () => {
    const id = '3f1e1a52-7d41-4c8e-9a7b-0d6f1c2b3a4d'
    expectError(await decide(root, id, { decision: 'approve' }), 400, 'bad_request')
    expectError(await decide(root, id, { decision: 'approve', note: '  ' }), 400, 'bad_request')
    expectError(await decide(root, id, { decision: 'perhaps', note: 'x' }), 400, 'bad_request')
    expectError(await decide(root, id, { decision: 'approve', note: 'x' }), 404, 'not_found')
    expectError(await decide(root, 'not-a-uuid', { decision: 'approve', note: 'x' }), 404, 'not_found')
    expectError(await platformList(root, '?status=open'), 400, 'bad_request')
  })
})

describe('deleting an account', () => {
  it('leaves the requests it asked or decided without a trace of it, decided or not', async () => {
    const shared = await createTenant(db, { slug: 'grow-shared', name: 'Grow Shared' })
    await signedInMember(db, shared.id, 'stays@grow-shared.test', 'admin')
    const leaving = await signedInMember(db, shared.id, 'leaves@grow-shared.test', 'admin')
    const decider = await signedInMember(db, null, 'decider@grow.test')
    await makePlatformAdmin(db, decider.userId)
    const decided = await filed(leaving, { kind: 'plan', planTier: 'professional', reason: 'Growing.' }, shared.id)
    const open = await filed(leaving, { kind: 'restricted_access', reason: 'Client files.' }, shared.id)
    await decide(decider, decided.id, { decision: 'reject', note: 'Not yet.' })

    await withService(db, (tx) => tx.query('delete from auth.users where id = any($1::uuid[])', [[leaving.userId, decider.userId]]))
    const rows = await withService(db, (tx) =>
      tx.query<{ id: string; status: string; requested_by: string | null; requester_email: string | null; decided_by: string | null }>(
        'select id, status, requested_by, requester_email, decided_by from public.tenant_resource_requests where tenant_id = $1 order by created_at',
        [shared.id],
      ),
    )
    expect(rows).toEqual([
      { id: decided.id, status: 'rejected', requested_by: null, requester_email: null, decided_by: null },
      { id: open.id, status: 'pending', requested_by: null, requester_email: null, decided_by: null },
    ])
  })
})
