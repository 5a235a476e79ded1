import { contractJson, parseJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { enableTwoFactor } from '@/lib/auth/two-factor'
import { twoFactorEnableResponseSchema, twoFactorEnableSchema } from '@/lib/contracts/two-factor'

export const dynamic = 'force-dynamic'

/** `{ code }` from the authenticator -> `{ recoveryCodes }` (shown once); sign-in asks for a code from now on. */
export const POST = route(async (request: Request) => {
  const session = await requireSession(request)
  const { code } = await parseJson(request, twoFactorEnableSchema)
  return contractJson(twoFactorEnableResponseSchema, await enableTwoFactor(session, code))
})
