import { contractJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { twoFactorStatus } from '@/lib/auth/two-factor'
import { twoFactorStatusSchema } from '@/lib/contracts/two-factor'

export const dynamic = 'force-dynamic'

/** Whether the caller's two-factor sign-in is on (or set up and pending), and how many recovery codes are left. */
export const GET = route(async (request: Request) => {
  const session = await requireSession(request)
  return contractJson(twoFactorStatusSchema, await twoFactorStatus(session))
})
