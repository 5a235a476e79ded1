import { clientIp } from '@/lib/http/forwarded'
import { route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { deleteMyAccount } from '@/lib/auth/account'
import { withCookies } from '@/lib/auth/auth-result'
import { authProvider } from '@/lib/auth/provider'

export const dynamic = 'force-dynamic'

/**
 * Deletes my account with my memberships, conversations and sessions (204).
 * 409 while I am the last admin of a tenant.
 */
export const DELETE = route(async (request: Request) => {
  const auth = await authProvider()
  const session = await requireSession(request)
  await deleteMyAccount(session, clientIp(request))
  return withCookies(new Response(null, { status: 204 }), auth.clearSessionCookies(request))
})
