import { parseJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { withCookies } from '@/lib/auth/auth-result'
import { authProvider } from '@/lib/auth/provider'
import { assertPasswordAllowed } from '@/lib/auth/new-password'
import { passwordChangeSchema } from '@/lib/contracts/auth'

export const dynamic = 'force-dynamic'

/** `{ currentPassword, newPassword }` -> 204; every other session of the user ends. */
export const POST = route(async (request: Request) => {
  const auth = await authProvider()
  const session = await requireSession(request)
  const input = await parseJson(request, passwordChangeSchema)
  assertPasswordAllowed(input.newPassword, session.email)
  const changes = await auth.changePassword(request, session, input)
  return withCookies(new Response(null, { status: 204 }), changes)
})
