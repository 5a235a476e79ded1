import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as revokeRoute } from '@/app/api/admin/tenants/[id]/invitations/[invitationId]/route'
import { POST as resendRoute } from '@/app/api/admin/tenants/[id]/invitations/[invitationId]/resend/route'
import { GET as listRoute, POST as addRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { POST as acceptInvitation } from '@/app/api/auth/invitations/accept/route'
import { invitationResponseSchema, memberListResponseSchema } from '@/lib/contracts/members'
import { setDatabaseForTests, withService } from '@/lib/db'
import { addMember, apiRequest, createTenant, createUser, loginCookie, withoutParams } from '../support/auth'
import { INVITE_LINK, mailedToken, outboxFor } from '../support/mailbox'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/* An admin revokes a pending invitation (its link dies) or resends it (a new link by mail, the old one dies), audited. */

const acceptRoute = withoutParams(acceptInvitation)

let db: TestDatabase
const tenants = { home: '', other: '' }
const cookies = { admin: '', member: '', otherAdmin: '' }
type Who = keyof typeof cookies

async function invite(email: string): Promise<{ id: string; token: string }> {
  const added = await addRoute(
    apiRequest(`/api/admin/tenants/${tenants.home}/members`, { method: 'POST', cookie: cookies.admin, body: { email, role: 'user' } }),
    { params: Promise.resolve({ id: tenants.home }) },
  )
  expect(added.status).toBe(201)
  const listed = await listRoute(apiRequest(`/api/admin/tenants/${tenants.home}/members`, { cookie: cookies.admin }), {
    params: Promise.resolve({ id: tenants.home }),
  })
  const { invitations } = memberListResponseSchema.parse(await listed.json())
  const pending = invitations.find((invitation) => invitation.email === email)
  return { id: String(pending?.id), token: await mailedToken(db, email, INVITE_LINK) }
}

const revoke = (who: Who, invitationId: string, tenantId = tenants.home) =>
  revokeRoute(apiRequest(`/api/admin/tenants/${tenantId}/invitations/${invitationId}`, { method: 'DELETE', cookie: cookies[who] }), {
    params: Promise.resolve({ id: tenantId, invitationId }),
  })

const resend = (who: Who, invitationId: string, tenantId = tenants.home) =>
  resendRoute(apiRequest(`/api/admin/tenants/${tenantId}/invitations/${invitationId}/resend`, { method: 'POST', cookie: cookies[who] }), {
    params: Promise.resolve({ id: tenantId, invitationId }),
  })

/** The invitee, signed in with the invited (verified) address, accepts the link. */
async function acceptAs(email: string, token: string): Promise<number> {
  const user = await createUser(db, { email })
  const response = await acceptRoute(
    apiRequest('/api/auth/invitations/accept', { method: 'POST', cookie: await loginCookie(db, user.userId), body: { token } }),
  )
  await withService(db, (tx) => tx.query('delete from auth.users where id = $1', [user.userId]))
  return response.status
}

const auditActions = (targetId: string) =>
  withService(db, (tx) =>
    tx.query<{ action: string }>('select action from public.audit_logs where tenant_id = $1 and target_id = $2 order by id', [
      tenants.home,
      targetId,
    ]),
  ).then((rows) => rows.map((row) => row.action))

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenants.home = (await createTenant(db, { slug: 'inv-home', name: 'Home Inn' })).id
  tenants.other = (await createTenant(db, { slug: 'inv-other' })).id
  const people: [Who, string, 'admin' | 'user'][] = [
    ['admin', tenants.home, 'admin'],
    ['member', tenants.home, 'user'],
    ['otherAdmin', tenants.other, 'admin'],
  ]
  for (const [who, tenantId, role] of people) {
    const user = await createUser(db, { email: `inv-${who.toLowerCase()}@example.com` })
    await addMember(db, tenantId, user.userId, role)
    cookies[who] = await loginCookie(db, user.userId)
  }
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('revoking an invitation', () => {
  it('answers 204, takes it off the pending list, writes member.invite_revoke, and its link can no longer be accepted', async () => {
    const { id, token } = await invite('revoked@example.com')
    expect((await revoke('admin', id)).status).toBe(204)
    const listed = await listRoute(apiRequest(`/api/admin/tenants/${tenants.home}/members`, { cookie: cookies.admin }), {
      params: Promise.resolve({ id: tenants.home }),
    })
    expect(memberListResponseSchema.parse(await listed.json()).invitations.map((invitation) => invitation.email)).not.toContain(
      'revoked@example.com',
    )
    expect(await auditActions(id)).toEqual(['member.invite', 'member.invite_revoke'])
    expect(await acceptAs('revoked@example.com', token)).toBe(404)
    expect((await revoke('admin', id)).status).toBe(404)
  })

  it('answers 403 to a member who is not an admin and 404 to another tenant admin, and the invitation stays usable', async () => {
    const { id, token } = await invite('kept@example.com')
    expect((await revoke('member', id)).status).toBe(403)
    expect((await revoke('otherAdmin', id)).status).toBe(404)
    expect((await revoke('otherAdmin', id, tenants.other)).status).toBe(404)
    expect((await resend('otherAdmin', id, tenants.other)).status).toBe(404)
    expect(await acceptAs('kept@example.com', token)).toBe(200)
  })

  it('answers 404 for an accepted invitation and for an id that is not a uuid', async () => {
    const { id, token } = await invite('accepted@example.com')
    expect(await acceptAs('accepted@example.com', token)).toBe(200)
    expect((await revoke('admin', id)).status).toBe(404)
    expect((await resend('admin', id)).status).toBe(404)
    expect((await revoke('admin', 'not-a-uuid')).status).toBe(404)
  })
})

describe('resending an invitation', () => {
  it('mails a new link with a new id and a fresh week, writes member.invite_resend; the old link stops working and the new one works', async () => {
    const first = await invite('again@example.com')
    const response = await resend('admin', first.id)
    expect(response.status).toBe(201)
    const { invitation } = invitationResponseSchema.parse(await response.json())
    expect(invitation).toMatchObject({ email: 'again@example.com', role: 'user' })
    expect(invitation.id).not.toBe(first.id)
    expect((Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000).toBeGreaterThan(6.99)
    const mails = await outboxFor(db, 'again@example.com')
    expect(mails).toHaveLength(2)
    const token = await mailedToken(db, 'again@example.com', INVITE_LINK)
    expect(token).not.toBe(first.token)
    expect(await auditActions(invitation.id)).toEqual(['member.invite_resend'])
    expect(await acceptAs('again@example.com', first.token)).toBe(404)
    expect(await acceptAs('again@example.com', token)).toBe(200)
  })

  it('answers 403 to a member who is not an admin, and nothing is mailed', async () => {
    const { id } = await invite('quiet@example.com')
    expect((await resend('member', id)).status).toBe(403)
    expect(await outboxFor(db, 'quiet@example.com')).toHaveLength(1)
  })
})
