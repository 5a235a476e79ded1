import { contractJson, parseJson, route } from '@/lib/http/route'
import { withCookies } from '@/lib/auth/auth-result'
import { assertSameOriginAlways } from '@/lib/auth/csrf'
import { acceptInviteAfterSignIn } from '@/lib/auth/invite-on-sign-in'
import { authProvider } from '@/lib/auth/provider'
import { loginResponseSchema, loginSchema } from '@/lib/contracts/auth'

export const dynamic = 'force-dynamic'

/**
 * `{ email, password, inviteToken? }` -> `{ user, invitation? }` and a new session cookie.
 * A wrong password and an unknown email get the same 401; repeated failures 429; the
 * right password of an address not verified yet 403 `email_unverified`.
 */
export const POST = route(async (request: Request) => {
  assertSameOriginAlways(request)
  const auth = await authProvider()
  const { inviteToken, ...credentials } = await parseJson(request, loginSchema)
  const result = await auth.signIn(request, credentials)
  const invitation = await acceptInviteAfterSignIn(request, result.claims, inviteToken)
  return withCookies(contractJson(loginResponseSchema, { user: result.user, ...(invitation ? { invitation } : {}) }), result)
})
