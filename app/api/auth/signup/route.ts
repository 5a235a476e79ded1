import { contractJson, parseJson, route } from '@/lib/http/route'
import { withCookies } from '@/lib/auth/auth-result'
import { assertSameOriginAlways } from '@/lib/auth/csrf'
import { acceptInviteAfterSignIn } from '@/lib/auth/invite-on-sign-in'
import { authProvider } from '@/lib/auth/provider'
import { signupResponseSchema, signupSchema } from '@/lib/contracts/auth'

export const dynamic = 'force-dynamic'

/**
 * `{ email, password, inviteToken? }` -> 202 `{ email, confirmationRequired: true }`
 * whether or not the address has an account: a verification link (or, for a verified
 * account, a note to its owner) goes to the mailbox. Signing in waits for the link.
 */
export const POST = route(async (request: Request) => {
  assertSameOriginAlways(request)
  const auth = await authProvider()
  const { inviteToken, ...credentials } = await parseJson(request, signupSchema)
  const result = await auth.signUp(request, { ...credentials, returnTo: inviteToken ? `/invite/${inviteToken}` : null })
  // Only Supabase with email confirmation switched off starts a session here.
  const invitation = result.claims ? await acceptInviteAfterSignIn(request, result.claims, inviteToken) : undefined
  return withCookies(
    contractJson(
      signupResponseSchema,
      { email: credentials.email, confirmationRequired: result.claims === null, ...(invitation ? { invitation } : {}) },
      202,
    ),
    result,
  )
})
