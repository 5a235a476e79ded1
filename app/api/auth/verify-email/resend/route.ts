import { contractJson, parseJson, route } from '@/lib/http/route'
import { authProvider } from '@/lib/auth/provider'
import { resendVerificationResponseSchema, resendVerificationSchema } from '@/lib/contracts/auth'

export const dynamic = 'force-dynamic'

/** `{ email }` -> 202 whatever the address: a new link goes out only to an account still unverified. */
export const POST = route(async (request: Request) => {
  const auth = await authProvider()
  const { email } = await parseJson(request, resendVerificationSchema)
  await auth.resendVerification(request, email)
  return contractJson(resendVerificationResponseSchema, { email, sent: true }, 202)
})
