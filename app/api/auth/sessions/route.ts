import { contractJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { listMySessions } from '@/lib/auth/account'
import { sessionListResponseSchema } from '@/lib/contracts/auth'

export const dynamic = 'force-dynamic'

/** The caller's live sessions, newest first. */
export const GET = route(async (request: Request) => {
  const session = await requireSession(request)
  return contractJson(
    sessionListResponseSchema,
    { sessions: await listMySessions(session) },
    { headers: { 'cache-control': 'private, no-store' } },
  )
})
