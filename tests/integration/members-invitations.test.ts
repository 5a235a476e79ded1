import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as addRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { POST as acceptInvitation } from '@/app/api/auth/invitations/accept/route'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { GET as getSession } from '@/app/api/auth/session/route'
import { POST as signupRoute } from '@/app/api/auth/signup/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { invitationTokenHash, previewInvitation } from '@/lib/multi-tenant/members/invitations'
import { addMember, apiRequest, cookieFrom, createTenant, createUser, loginCookie, withoutParams } from '@/tests/support/auth'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const acceptRoute = withoutParams(acceptInvitation)
const login = withoutParams(loginRoute)
const sessionRoute = withoutParams(getSession)
const signup = withoutParams(signupRoute)

let db: TestDatabase
let tenant: { id: string }
let adminCookie: string
const password = 'invited password 1'

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'inviting', name: 'Inviting Inc' })
  const admin = await createUser(db, { email: 'boss@example.com' })
  await addMember(db, tenant.id, admin.userId, 'admin')
  adminCookie = await loginCookie(db, admin.userId)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

type Invitation = { email: string; role: string; expiresAt: string; acceptUrl: string }
async function invite(email: string, role = 'user'): Promise<{ invitation: Invitation; token: string }> {
  const response = await addRoute(
    apiRequest(`/api/admin/tenants/${tenant.id}/members`, { method: 'POST', cookie: adminCookie, body: { email, role } }),
    { params: Promise.resolve({ id: tenant.id }) },
  )
  expect(response.status).toBe(201)
  const { invitation } = (await response.json()) as { invitation: Invitation }
  return { invitation, token: invitation.acceptUrl.split('/invite/')[1] ?? '' }
}
const membershipsOf = async (cookie: string) =>
  ((await (await sessionRoute(apiRequest('/api/auth/session', { cookie }))).json()) as { memberships: { slug: string; role: string }[] })
    .memberships
const accept = (cookie: string, token: string) =>
  acceptRoute(apiRequest('/api/auth/invitations/accept', { method: 'POST', cookie, body: { token } }))

describe('inviting an unknown address', () => {
  it('answers with an accept link that expires in 7 days, stores only a hash of the token, and audits it', async () => {
    const before = Date.now()
    const { invitation, token } = await invite('Fresh@Example.com', 'viewer')
    expect(invitation).toMatchObject({ email: 'fresh@example.com', role: 'viewer' })
    expect(invitation.acceptUrl).toMatch(/^http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}$/)
    const days = (Date.parse(invitation.expiresAt) - before) / 86_400_000
    expect(days).toBeGreaterThan(6.99)
    expect(days).toBeLessThan(7.01)
    const rows = await withService(db, (tx) =>
      tx.query<{ token_hash: string }>('select token_hash from public.tenant_invitations where email = $1', ['fresh@example.com']),
    )
    expect(rows).toEqual([{ token_hash: invitationTokenHash(token) }])
    const audits = await withService(db, (tx) =>
      tx.query("select 1 from public.audit_logs where tenant_id = $1 and action = 'member.invite'", [tenant.id]),
    )
    expect(audits.length).toBeGreaterThan(0)
    expect(await previewInvitation(db, token)).toMatchObject({ tenantName: 'Inviting Inc', email: 'fresh@example.com', role: 'viewer' })
  })

  it('is accepted by signing up with the invited address: the membership exists at once', async () => {
    const { token } = await invite('joiner@example.com', 'user')
    const response = await signup(
      apiRequest('/api/auth/signup', { method: 'POST', body: { email: 'joiner@example.com', password, inviteToken: token } }),
    )
    expect(response.status).toBe(201)
    const body = (await response.json()) as { invitation: { accepted: { tenantId: string; role: string } } }
    expect(body.invitation.accepted).toEqual({ tenantId: tenant.id, role: 'user' })
    expect(await membershipsOf(cookieFrom(response))).toEqual([expect.objectContaining({ slug: 'inviting', role: 'user' })])
    expect(await previewInvitation(db, token)).toBeNull()
  })

  it('is accepted by logging in with the invited address', async () => {
    const { token: pendingToken } = await invite('late-invitee@example.com')
    // The account appeared after the invitation was sent (signed up without the link).
    await createUser(db, { email: 'late-invitee@example.com', password })
    const response = await login(
      apiRequest('/api/auth/login', { method: 'POST', body: { email: 'late-invitee@example.com', password, inviteToken: pendingToken } }),
    )
    expect(response.status).toBe(200)
    expect(await membershipsOf(cookieFrom(response))).toEqual([expect.objectContaining({ slug: 'inviting' })])
  })

  it('refuses a signed-in user whose email is not the invited one (403) and keeps the invitation usable', async () => {
    const { token } = await invite('intended@example.com')
    const stranger = await createUser(db, { email: 'stranger@example.com' })
    const response = await accept(await loginCookie(db, stranger.userId), token)
    expect(response.status).toBe(403)
    expect(await previewInvitation(db, token)).not.toBeNull()

    const intended = await createUser(db, { email: 'intended@example.com' })
    const ok = await accept(await loginCookie(db, intended.userId), token)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ membership: { tenantId: tenant.id, role: 'user' } })
    expect((await accept(await loginCookie(db, intended.userId), token)).status).toBe(404)
  })

  it('refuses an expired invitation (404), and signing up with it still creates the account', async () => {
    const { token } = await invite('too-late@example.com')
    await withService(db, (tx) =>
      tx.query("update public.tenant_invitations set expires_at = now() - interval '1 minute' where token_hash = $1", [
        invitationTokenHash(token),
      ]),
    )
    expect(await previewInvitation(db, token)).toBeNull()
    const response = await signup(
      apiRequest('/api/auth/signup', { method: 'POST', body: { email: 'too-late@example.com', password, inviteToken: token } }),
    )
    expect(response.status).toBe(201)
    const body = (await response.json()) as { invitation: { error: { code: string } } }
    expect(body.invitation.error.code).toBe('not_found')
    expect(await membershipsOf(cookieFrom(response))).toEqual([])
  })

  it('replaces a pending invitation when the same address is invited again', async () => {
    const first = await invite('twice@example.com', 'viewer')
    const second = await invite('twice@example.com', 'admin')
    expect(await previewInvitation(db, first.token)).toBeNull()
    expect(await previewInvitation(db, second.token)).toMatchObject({ role: 'admin' })
  })

  it('answers 401 to accepting without a session and 400 to a malformed token', async () => {
    expect((await acceptRoute(apiRequest('/api/auth/invitations/accept', { method: 'POST', body: { token: 'x'.repeat(43) } }))).status).toBe(401)
    const someone = await createUser(db, { email: 'someone@example.com' })
    expect((await accept(await loginCookie(db, someone.userId), 'bad token!')).status).toBe(400)
  })
})
