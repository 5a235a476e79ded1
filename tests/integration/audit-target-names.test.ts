import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as auditRoute } from '@/app/api/admin/tenants/[id]/audit-logs/route'
import { POST as addKnowledgeRoute } from '@/app/api/admin/tenants/[id]/knowledge/route'
import { DELETE as removeMemberRoute } from '@/app/api/admin/tenants/[id]/members/[userId]/route'
import { auditLogPageResponseSchema } from '@/lib/contracts/audit'
import { setDatabaseForTests, withUser } from '@/lib/db'
import { addMember, apiRequest, createTenant, createUser, loginCookie } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/* Audit rows name their target (document title, member email, tenant name) for the readers allowed to see it. */

let db: TestDatabase
const tenant = { id: '' }
const people = { admin: { id: '', cookie: '' }, member: { id: '', cookie: '' }, other: { id: '', cookie: '' } }

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant.id = (await createTenant(db, { slug: 'atn-home', name: 'Sterling & Associates' })).id
  const otherTenant = (await createTenant(db, { slug: 'atn-other' })).id
  for (const [who, tenantId, role] of [
    ['admin', tenant.id, 'admin'],
    ['member', tenant.id, 'user'],
    ['other', otherTenant, 'admin'],
  ] as const) {
    const user = await createUser(db, { email: `atn-${who}@example.com` })
    await addMember(db, tenantId, user.userId, role)
    people[who] = { id: user.userId, cookie: await loginCookie(db, user.userId) }
  }
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('audit target names', () => {
  it('names a document by its title and a removed member by their email, keeping the ids', async () => {
    const added = await addKnowledgeRoute(
      apiRequest(`/api/admin/tenants/${tenant.id}/knowledge`, {
        method: 'POST',
        cookie: people.admin.cookie,
        body: { title: 'Partnership terms', content: 'The partners meet on the first Monday of each month.' },
      }),
      { params: Promise.resolve({ id: tenant.id }) },
    )
    const { id: knowledgeId } = (await added.json()) as { id: string }
    const removed = await removeMemberRoute(
      apiRequest(`/api/admin/tenants/${tenant.id}/members/${people.member.id}`, { method: 'DELETE', cookie: people.admin.cookie }),
      { params: Promise.resolve({ id: tenant.id, userId: people.member.id }) },
    )
    expect(removed.status).toBe(204)
    const response = await auditRoute(apiRequest(`/api/admin/tenants/${tenant.id}/audit-logs`, { cookie: people.admin.cookie }), {
      params: Promise.resolve({ id: tenant.id }),
    })
    const { items } = auditLogPageResponseSchema.parse(await response.json())
    const byAction = new Map(items.map((entry) => [entry.action, entry]))
    expect(byAction.get('knowledge.add')).toMatchObject({ targetId: knowledgeId, targetName: 'Partnership terms' })
    expect(byAction.get('member.remove')).toMatchObject({ targetId: people.member.id, targetName: 'atn-member@example.com' })
  })

  it("gives another tenant's admin no email through the lookup, even with a real target id", async () => {
    const [row] = await withUser(db, { sub: people.other.id }, (tx) =>
      tx.query<{ email: string | null }>('select app_private.audit_member_email($1, $2) as email', [tenant.id, people.member.id]),
    )
    expect(row?.email).toBeNull()
  })
})
