import { json, route } from '@/lib/http/route'
import { defaultEmbedder } from '@/lib/ai/env-config'
import { getDatabase } from '@/lib/db'
import { knowledgeIndexState } from '@/lib/multi-tenant/knowledge/jobs'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

/** `{ model, chunks, pendingChunks, job }`: the configured embedding model, and how much of the index still holds another's vectors. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  return json(await knowledgeIndexState(await getDatabase(), actor, id, defaultEmbedder().model))
})
