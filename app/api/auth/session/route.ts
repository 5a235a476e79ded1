import { json, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { loadIdentity } from '@/lib/auth/account'

export const dynamic = 'force-dynamic'

/** `{ user: { id, email }, isPlatformAdmin, memberships: [{ tenantId, slug, name, role }] }`; 401 without a session. */
export const GET = route(async (request: Request) => {
  const session = await requireSession(request)
  return json(await loadIdentity(session), { headers: { 'cache-control': 'private, no-store' } })
})
