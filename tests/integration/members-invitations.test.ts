import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as addRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { POST as acceptInvitation } from '@/app/api/auth/invitations/accept/route'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { GET as getSession } from '@/app/api/auth/session/route'
import { POST as signupRoute } from '@/app/api/auth/signup/route'
import { POST as verifyRoute } from '@/app/api/auth/verify-email/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { invitationTokenHash, previewInvitation } from '@/lib/multi-tenant/members/invitations'
import { addMember, apiRequest, cookieFrom, createTenant, createUser, loginCookie, withoutParams } from '@/tests/support/auth'
import { INVITE_LINK, mailedToken, outboxFor, VERIFY_LINK } from '@/tests/support/mailbox'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

const acceptRoute = withoutParams(acceptInvitation)
const login = withoutParams(loginRoute)
const sessionRoute = withoutParams(getSession)
const signup = withoutParams(signupRoute)
const verify = withoutParams(verifyRoute)

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

type Invitation = { email: string; role: string; expiresAt: string }
async function invite(email: string, role = 'user'): Promise<{ invitation: Invitation; token: string }> {
  const response = await addRoute(
    apiRequest(`/api/admin/tenants/${tenant.id}/members`, { method: 'POST', cookie: adminCookie, body: { email, role } }),
    { params: Promise.resolve({ id: tenant.id }) },
  )
  expect(response.status).toBe(201)
  const { invitation } = (await response.json()) as { invitation: Invitation }
  return { invitation, token: await mailedToken(db, invitation.email, INVITE_LINK) }
}
const membershipsOf = async (cookie: string) =>
  ((await (await sessionRoute(apiRequest('/api/auth/session', { cookie }))).json()) as { memberships: { slug: string; role: string }[] })
    .memberships
const accept = (cookie: string, token: string) =>
  acceptRoute(apiRequest('/api/auth/invitations/accept', { method: 'POST', cookie, body: { token } }))

describe('inviting someone', () => {
  it('mails <origin>/invite/<token> to the address (7 days, only a hash stored, audited); the admin never sees the link', async () => {
    const before = Date.now()
    const response = await addRoute(
      apiRequest(`/api/admin/tenants/${tenant.id}/members`, {
        method: 'POST',
        cookie: adminCookie,
        body: { email: 'Fresh@Example.com', role: 'viewer' },
      }),
      { params: Promise.resolve({ id: tenant.id }) },
    )
    const raw = await response.text()
    const { invitation } = JSON.parse(raw) as { invitation: Invitation }
    expect(invitation).toMatchObject({ email: 'fresh@example.com', role: 'viewer' })
    expect(raw).not.toMatch(/invite\//)
    const [mail] = await outboxFor(db, 'fresh@example.com')
    expect(mail?.subject).toBe('You are invited to Inviting Inc')
    expect(mail?.text).toMatch(/^http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}$/m)
    const token = await mailedToken(db, 'fresh@example.com', INVITE_LINK)
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
    expect(await previewInvitation(token)).toMatchObject({ tenantName: 'Inviting Inc', email: 'fresh@example.com', role: 'viewer' })
  })

  it('is accepted after signing up, opening the verification link, and signing in with the invitation', async () => {
    const { token } = await invite('joiner@example.com', 'user')
    const response = await signup(
      apiRequest('/api/auth/signup', { method: 'POST', body: { email: 'joiner@example.com', password, inviteToken: token } }),
    )
    expect(response.status).toBe(202)
    expect(response.headers.getSetCookie()).toEqual([])
    const verification = await mailedToken(db, 'joiner@example.com', VERIFY_LINK)
    const verified = await verify(apiRequest('/api/auth/verify-email', { method: 'POST', body: { token: verification } }))
    expect(await verified.json()).toEqual({ verified: true, returnTo: `/invite/${token}` })
    const signedIn = await login(
      apiRequest('/api/auth/login', { method: 'POST', body: { email: 'joiner@example.com', password, inviteToken: token } }),
    )
    expect(signedIn.status).toBe(200)
    const body = (await signedIn.json()) as { invitation: { accepted: { tenantId: string; role: string } } }
    expect(body.invitation.accepted).toEqual({ tenantId: tenant.id, role: 'user' })
    expect(await membershipsOf(cookieFrom(signedIn))).toEqual([expect.objectContaining({ slug: 'inviting', role: 'user' })])
    expect(await previewInvitation(token)).toBeNull()
  })

  it('attaches nobody when the address already has an account: it gets the same mailed invitation and joins by accepting', async () => {
    const existing = await createUser(db, { email: 'has-account@example.com', password })
    const unknown = await invite('no-account@example.com')
    const known = await invite('has-account@example.com')
    expect(Object.keys(known.invitation)).toEqual(Object.keys(unknown.invitation))
    expect(await membershipsOf(await loginCookie(db, existing.userId))).toEqual([])
    const response = await login(
      apiRequest('/api/auth/login', { method: 'POST', body: { email: 'has-account@example.com', password, inviteToken: known.token } }),
    )
    expect(response.status).toBe(200)
    expect(await membershipsOf(cookieFrom(response))).toEqual([expect.objectContaining({ slug: 'inviting' })])
  })

  it('cannot be accepted by an account whose address is not verified (403), and such an account cannot be attached at all', async () => {
    const { token } = await invite('squatter@example.com')
    const rows = await withService(db, (tx) =>
      tx.query<{ id: string }>("insert into auth.users (email) values ('squatter@example.com') returning id"),
    )
    const squatter = String(rows[0]?.id)
    const response = await accept(await loginCookie(db, squatter), token)
    expect(response.status).toBe(403)
    expect(await previewInvitation(token)).not.toBeNull()
    await expect(
      withService(db, (tx) =>
        tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'user')", [tenant.id, squatter]),
      ),
    ).rejects.toThrow(/not verified/)
    await expect(withService(db, (tx) => tx.query('insert into public.platform_admins (user_id) values ($1)', [squatter]))).rejects.toThrow(
      /not verified/,
    )
  })

  it('refuses a signed-in user whose email is not the invited one (403) and keeps the invitation usable', async () => {
    const { token } = await invite('intended@example.com')
    const stranger = await createUser(db, { email: 'stranger@example.com' })
    const response = await accept(await loginCookie(db, stranger.userId), token)
    expect(response.status).toBe(403)
    expect(await previewInvitation(token)).not.toBeNull()

    const intended = await createUser(db, { email: 'intended@example.com' })
    const ok = await accept(await loginCookie(db, intended.userId), token)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ membership: { tenantId: tenant.id, role: 'user' } })
    expect((await accept(await loginCookie(db, intended.userId), token)).status).toBe(404)
  })

  it('refuses an expired invitation (404)', async () => {
    const { token } = await invite('too-late@example.com')
    await withService(db, (tx) =>
      tx.query("update public.tenant_invitations set expires_at = now() - interval '1 minute' where token_hash = $1", [
        invitationTokenHash(token),
      ]),
    )
    expect(await previewInvitation(token)).toBeNull()
    const late = await createUser(db, { email: 'too-late@example.com' })
    expect((await accept(await loginCookie(db, late.userId), token)).status).toBe(404)
  })

  it('replaces a pending invitation when the same address is invited again', async () => {
    const first = await invite('twice@example.com', 'viewer')
    const second = await invite('twice@example.com', 'admin')
    expect(second.token).not.toBe(first.token)
    expect(await previewInvitation(first.token)).toBeNull()
    expect(await previewInvitation(second.token)).toMatchObject({ role: 'admin' })
  })

  it('answers 401 to accepting without a session and 400 to a malformed token', async () => {
    expect(
      (await acceptRoute(apiRequest('/api/auth/invitations/accept', { method: 'POST', body: { token: 'x'.repeat(43) } }))).status,
    ).toBe(401)
    const someone = await createUser(db, { email: 'someone@example.com' })
    expect((await accept(await loginCookie(db, someone.userId), 'bad token!')).status).toBe(400)
  })
})
