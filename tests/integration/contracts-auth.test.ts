import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as addMemberRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { DELETE as deleteAccountRoute } from '@/app/api/auth/account/route'
import { GET as callbackRoute } from '@/app/api/auth/callback/route'
import { POST as acceptInvitationRoute } from '@/app/api/auth/invitations/accept/route'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { POST as logoutRoute } from '@/app/api/auth/logout/route'
import { POST as passwordRoute } from '@/app/api/auth/password/route'
import { GET as sessionRoute } from '@/app/api/auth/session/route'
import { DELETE as revokeSessionRoute } from '@/app/api/auth/sessions/[id]/route'
import { POST as revokeOthersRoute } from '@/app/api/auth/sessions/revoke-others/route'
import { GET as sessionsRoute } from '@/app/api/auth/sessions/route'
import { POST as signupRoute } from '@/app/api/auth/signup/route'
import { POST as resendRoute } from '@/app/api/auth/verify-email/resend/route'
import { POST as verifyRoute } from '@/app/api/auth/verify-email/route'
import {
  acceptInvitationResponseSchema,
  loginResponseSchema,
  resendVerificationResponseSchema,
  revokeOthersResponseSchema,
  sessionListResponseSchema,
  sessionResponseSchema,
  signupResponseSchema,
  verifyEmailResponseSchema,
} from '@/lib/contracts/auth'
import { errorBodySchema } from '@/lib/contracts/errors'
import { setDatabaseForTests } from '@/lib/db'
import { createUser, DEFAULT_TEST_PASSWORD, loginCookie } from '../support/auth'
import { INVITE_LINK, mailedToken, VERIFY_LINK } from '../support/mailbox'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld } from './admin-world'
import { answer, expectContract, expectNoContent, type Reply } from '../support/route-calls'

/* Every /api/auth route, called for real; each answer, success or refusal, must parse by its contract. */

let db: TestDatabase
let world: AdminWorld

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'ca')
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const noContent = (reply: Reply) => expectNoContent({ status: reply.status, body: reply.body })
const post = (body: unknown, cookie?: string) => ({ method: 'POST', body, cookie })

async function invite(email: string): Promise<string> {
  const id = world.home.id
  const reply = await answer(addMemberRoute, { id }, `/api/admin/tenants/${id}/members`, {
    ...post({ email, role: 'user' }, await loginCookie(db, world.home.admin.userId)),
  })
  expect(reply.status).toBe(201)
  return mailedToken(db, email, INVITE_LINK)
}

describe('signing up, verifying and signing in answer by the auth contract', () => {
  const email = 'newcomer@contracts-auth.test'
  const password = 'a contract passphrase'

  it('POST /signup answers 202 by its contract; a weak password is the one error shape (400)', async () => {
    const signedUp = expectContract(signupResponseSchema, await answer(signupRoute, {}, '/api/auth/signup', post({ email, password })), 202)
    expect(signedUp).toEqual({ email, confirmationRequired: true })
    const weak = await answer(signupRoute, {}, '/api/auth/signup', post({ email: 'weak@contracts-auth.test', password: 'short' }))
    expect(expectContract(errorBodySchema, weak, 400).error.code).toBe('bad_request')
  })

  it('POST /login before the address is verified is the one error shape (403 email_unverified)', async () => {
    const refused = expectContract(errorBodySchema, await answer(loginRoute, {}, '/api/auth/login', post({ email, password })), 403)
    expect(refused.error.code).toBe('email_unverified')
  })

  it('POST /verify-email/resend answers 202 by its contract; a malformed address is the one error shape (400)', async () => {
    expectContract(resendVerificationResponseSchema, await answer(resendRoute, {}, '/api/auth/verify-email/resend', post({ email })), 202)
    const malformed = await answer(resendRoute, {}, '/api/auth/verify-email/resend', post({ email: 'not-an-address' }))
    expectContract(errorBodySchema, malformed, 400)
  })

  it('POST /verify-email answers by its contract; a used or unknown token is the one error shape (404)', async () => {
    const token = await mailedToken(db, email, VERIFY_LINK)
    const verified = expectContract(
      verifyEmailResponseSchema,
      await answer(verifyRoute, {}, '/api/auth/verify-email', post({ token })),
      200,
    )
    expect(verified).toEqual({ verified: true, returnTo: null })
    expectContract(errorBodySchema, await answer(verifyRoute, {}, '/api/auth/verify-email', post({ token: 'a'.repeat(43) })), 404)
  })

  it('POST /login answers by its contract with a session cookie; a wrong password is the one error shape (401)', async () => {
    const signedIn = await answer(loginRoute, {}, '/api/auth/login', post({ email, password }))
    expect(expectContract(loginResponseSchema, signedIn, 200).user.email).toBe(email)
    expect(signedIn.cookie).not.toBe('')
    const wrong = await answer(loginRoute, {}, '/api/auth/login', post({ email, password: 'not the passphrase' }))
    expectContract(errorBodySchema, wrong, 401)
  })

  it('POST /login with an invitation token answers its outcome by the contract: joined, or why not', async () => {
    const joiner = await createUser(db, { email: 'joiner@contracts-auth.test' })
    const token = await invite(joiner.email)
    const credentials = { email: joiner.email, password: DEFAULT_TEST_PASSWORD }
    const joined = await answer(loginRoute, {}, '/api/auth/login', post({ ...credentials, inviteToken: token }))
    expect(expectContract(loginResponseSchema, joined, 200).invitation).toEqual({ accepted: { tenantId: world.home.id, role: 'user' } })
    const stale = await answer(loginRoute, {}, '/api/auth/login', post({ ...credentials, inviteToken: token }))
    expect(expectContract(loginResponseSchema, stale, 200).invitation).toMatchObject({ error: { code: 'not_found' } })
  })
})

describe("the signed-in person's routes answer by the auth contract", () => {
  it('GET /session answers by its contract; without a session it is the one error shape (401)', async () => {
    const cookie = await loginCookie(db, world.home.admin.userId)
    const identity = expectContract(sessionResponseSchema, await answer(sessionRoute, {}, '/api/auth/session', { cookie }), 200)
    expect(identity.memberships).toEqual([{ tenantId: world.home.id, slug: world.home.slug, name: 'Home Tenant', role: 'admin' }])
    expectContract(errorBodySchema, await answer(sessionRoute, {}, '/api/auth/session'), 401)
  })

  it('GET /sessions, DELETE /sessions/[id] and POST /sessions/revoke-others answer by the contract', async () => {
    const userId = world.home.user.userId
    const mine = await loginCookie(db, userId)
    await loginCookie(db, userId)
    await loginCookie(db, userId)
    const { sessions } = expectContract(
      sessionListResponseSchema,
      await answer(sessionsRoute, {}, '/api/auth/sessions', { cookie: mine }),
      200,
    )
    expect(sessions).toHaveLength(3)
    const other = sessions.find((session) => !session.current)
    if (!other) throw new Error('no other session is listed')
    noContent(await answer(revokeSessionRoute, { id: other.id }, `/api/auth/sessions/${other.id}`, { method: 'DELETE', cookie: mine }))
    const gone = await answer(revokeSessionRoute, { id: other.id }, `/api/auth/sessions/${other.id}`, { method: 'DELETE', cookie: mine })
    expectContract(errorBodySchema, gone, 404)
    const revoked = await answer(revokeOthersRoute, {}, '/api/auth/sessions/revoke-others', { method: 'POST', cookie: mine })
    expect(expectContract(revokeOthersResponseSchema, revoked, 200)).toEqual({ revoked: 1 })
  })

  it('POST /password answers 204; a wrong current password is the one error shape (403)', async () => {
    const cookie = await loginCookie(db, world.home.viewer.userId)
    const wrong = await answer(
      passwordRoute,
      {},
      '/api/auth/password',
      post({ currentPassword: 'not it', newPassword: 'a new passphrase' }, cookie),
    )
    expectContract(errorBodySchema, wrong, 403)
    noContent(
      await answer(
        passwordRoute,
        {},
        '/api/auth/password',
        post({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: 'a new passphrase' }, cookie),
      ),
    )
  })

  it('POST /invitations/accept answers by its contract; an unknown token is the one error shape (404)', async () => {
    const invited = await createUser(db, { email: 'accepter@contracts-auth.test' })
    const cookie = await loginCookie(db, invited.userId)
    const token = await invite(invited.email)
    const accepted = await answer(acceptInvitationRoute, {}, '/api/auth/invitations/accept', post({ token }, cookie))
    expect(expectContract(acceptInvitationResponseSchema, accepted, 200)).toEqual({ membership: { tenantId: world.home.id, role: 'user' } })
    expectContract(errorBodySchema, await answer(acceptInvitationRoute, {}, '/api/auth/invitations/accept', post({ token }, cookie)), 404)
  })

  it('DELETE /account answers 204; the last admin of a tenant is the one error shape (409)', async () => {
    const lastAdmin = await loginCookie(db, world.other.admin.userId)
    expectContract(errorBodySchema, await answer(deleteAccountRoute, {}, '/api/auth/account', { method: 'DELETE', cookie: lastAdmin }), 409)
    noContent(
      await answer(deleteAccountRoute, {}, '/api/auth/account', { method: 'DELETE', cookie: await loginCookie(db, world.loner.userId) }),
    )
  })

  it('POST /logout answers 204, with or without a session', async () => {
    noContent(await answer(logoutRoute, {}, '/api/auth/logout', { method: 'POST', cookie: await loginCookie(db, world.other.user.userId) }))
    noContent(await answer(logoutRoute, {}, '/api/auth/logout', { method: 'POST' }))
  })

  it('GET /callback, a redirect in Supabase mode, is the one error shape (404) in local mode', async () => {
    expectContract(errorBodySchema, await answer(callbackRoute, {}, '/api/auth/callback?code=x'), 404)
  })
})
