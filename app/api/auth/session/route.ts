import { contractJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { loadIdentity } from '@/lib/auth/account'
import { sessionResponseSchema } from '@/lib/contracts/auth'

export const dynamic = 'force-dynamic'

/** Who I am, whether I am a platform admin, and the tenants I belong to; 401 without a session. */
export const GET = route(async (request: Request) => {
  const session = await requireSession(request)
  return contractJson(sessionResponseSchema, await loadIdentity(session), { headers: { 'cache-control': 'private, no-store' } })
})
