import { json, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { getKnowledgeJob } from '@/lib/multi-tenant/knowledge/jobs'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string; jobId: string }> }

/** `{ job: { id, fileName, status, progress, documentId?, duplicate?, error? } }`; 404 for another tenant's job. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id, jobId } = await params
  return json({ job: await getKnowledgeJob(await getDatabase(), actor, id, jobId) })
})
