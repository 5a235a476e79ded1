import { json, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { requestReindex } from '@/lib/multi-tenant/knowledge/jobs'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

/** 202 `{ job }`: re-embeds the chunks whose vectors come from another model; joins a re-embedding already under way. */
export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  return json({ job: await requestReindex(await getDatabase(), actor, id) }, 202)
})
