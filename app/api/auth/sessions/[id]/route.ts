import { route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { revokeMySession } from '@/lib/auth/account'
import { withCookies } from '@/lib/auth/auth-result'
import { authProvider } from '@/lib/auth/provider'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

/** Revokes one of my sessions (204); revoking the current one also clears the cookie. */
export const DELETE = route(async (request: Request, { params }: Context) => {
  const auth = await authProvider()
  const session = await requireSession(request)
  const { id } = await params
  const { wasCurrent } = await revokeMySession(session, id)
  const response = new Response(null, { status: 204 })
  return wasCurrent ? withCookies(response, auth.clearSessionCookies(request)) : response
})
