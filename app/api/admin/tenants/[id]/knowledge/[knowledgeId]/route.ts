import { json, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { deleteKnowledge, getKnowledge } from '@/lib/multi-tenant/knowledge/admin'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string; knowledgeId: string }> }

/** The document with its text: `{ document }`. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id, knowledgeId } = await params
  return json({ document: await getKnowledge(await getDatabase(), actor, id, knowledgeId) })
})

/** 204; the document's chunks go with it and its storage is released. 404 for another tenant's id. */
export const DELETE = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id, knowledgeId } = await params
  await deleteKnowledge(await getDatabase(), actor, id, knowledgeId)
  return new Response(null, { status: 204 })
})
