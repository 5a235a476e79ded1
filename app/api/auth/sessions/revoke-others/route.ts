import { contractJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { withCookies } from '@/lib/auth/auth-result'
import { authProvider } from '@/lib/auth/provider'
import { revokeOthersResponseSchema } from '@/lib/contracts/auth'

export const dynamic = 'force-dynamic'

/** Signs out every session but this one: `{ revoked }` (null when Supabase cannot count). */
export const POST = route(async (request: Request) => {
  const auth = await authProvider()
  const session = await requireSession(request)
  const { revoked, ...changes } = await auth.revokeOtherSessions(request, session)
  return withCookies(contractJson(revokeOthersResponseSchema, { revoked }), changes)
})
