import { route } from '@/lib/http/route'
import { withCookies } from '@/lib/auth/auth-result'
import { authProvider } from '@/lib/auth/provider'

export const dynamic = 'force-dynamic'

/** Ends the current session (if any) and clears the cookie: 204 either way. */
export const POST = route(async (request: Request) => {
  const auth = await authProvider()
  const changes = await auth.signOut(request)
  return withCookies(new Response(null, { status: 204 }), changes)
})
