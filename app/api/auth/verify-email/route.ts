import { contractJson, parseJson, route } from '@/lib/http/route'
import { authProvider } from '@/lib/auth/provider'
import { verifyEmailResponseSchema, verifyEmailSchema } from '@/lib/contracts/auth'

export const dynamic = 'force-dynamic'

/**
 * `{ token }` from the link in the verification mail -> `{ verified: true, returnTo }`
 * (`returnTo`: the invitation page the person signed up from, or null). 404 for an
 * unknown, used or expired token. It does not sign in: a link opened by someone else's
 * browser must not start a session there.
 */
export const POST = route(async (request: Request) => {
  const auth = await authProvider()
  const { token } = await parseJson(request, verifyEmailSchema)
  const { returnTo } = await auth.verifyEmail(request, token)
  return contractJson(verifyEmailResponseSchema, { verified: true, returnTo })
})
