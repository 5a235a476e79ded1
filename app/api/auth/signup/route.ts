import { json, parseJson, route } from '@/lib/http/route'
import { withCookies } from '@/lib/auth/auth-result'
import { acceptInviteAfterSignIn } from '@/lib/auth/invite-on-sign-in'
import { authProvider } from '@/lib/auth/provider'
import { signupSchema } from '@/lib/auth/schemas'

export const dynamic = 'force-dynamic'

/** `{ email, password, inviteToken? }` -> 201 `{ user, confirmationRequired, invitation? }` and the session cookie. */
export const POST = route(async (request: Request) => {
  const auth = await authProvider()
  const { inviteToken, ...credentials } = await parseJson(request, signupSchema)
  const result = await auth.signUp(request, credentials)
  const invitation = await acceptInviteAfterSignIn(request, result.claims, inviteToken)
  return withCookies(
    json({ user: result.user, confirmationRequired: result.claims === null, ...(invitation ? { invitation } : {}) }, 201),
    result,
  )
})
