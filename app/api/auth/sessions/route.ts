import { json, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { listMySessions } from '@/lib/auth/account'

export const dynamic = 'force-dynamic'

/** `{ sessions: [{ id, current, userAgent, ip, createdAt, lastSeenAt, expiresAt }] }` of the caller. */
export const GET = route(async (request: Request) => {
  const session = await requireSession(request)
  return json({ sessions: await listMySessions(session) }, { headers: { 'cache-control': 'private, no-store' } })
})
