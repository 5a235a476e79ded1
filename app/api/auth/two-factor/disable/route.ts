import { parseJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { disableTwoFactor } from '@/lib/auth/two-factor'
import { twoFactorDisableSchema } from '@/lib/contracts/two-factor'
import { clientIp } from '@/lib/http/forwarded'

export const dynamic = 'force-dynamic'

/** `{ code }` (current or recovery) or `{ password }` -> 204; the recovery codes go too. */
export const POST = route(async (request: Request) => {
  const session = await requireSession(request)
  const input = await parseJson(request, twoFactorDisableSchema)
  await disableTwoFactor(session, input, clientIp(request))
  return new Response(null, { status: 204 })
})
