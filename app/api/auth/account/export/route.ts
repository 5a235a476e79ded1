import { requireSession } from '@/lib/auth'
import { archiveResponse } from '@/lib/http/archive-response'
import { route } from '@/lib/http/route'
import { memberExport } from '@/lib/multi-tenant/export'

export const dynamic = 'force-dynamic'

/** A zip of my own data: profile, memberships, sessions, conversations with messages, feedback, tier use. */
export const GET = route(async (request: Request) => archiveResponse(await memberExport(await requireSession(request))))
