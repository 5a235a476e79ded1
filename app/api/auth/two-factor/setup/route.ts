import { contractJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { setupTwoFactor } from '@/lib/auth/two-factor'
import { twoFactorSetupResponseSchema } from '@/lib/contracts/two-factor'

export const dynamic = 'force-dynamic'

/** `{ secret, otpauthUrl }` for the authenticator app; pending until /enable gets a code. 409 when it is on already. */
export const POST = route(async (request: Request) => {
  const session = await requireSession(request)
  return contractJson(twoFactorSetupResponseSchema, await setupTwoFactor(session))
})
