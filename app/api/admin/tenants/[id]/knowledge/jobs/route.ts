import { json, parseWith, route } from '@/lib/http/route'
import { jobListQuerySchema } from '@/lib/contracts/knowledge-jobs'
import { getDatabase } from '@/lib/db'
import { jobEventStream, listKnowledgeJobs } from '@/lib/multi-tenant/knowledge/jobs'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

/**
 * `?limit` -> `{ jobs }`, most recently changed first. With `Accept: text/event-stream`:
 * a `jobs` event with that list, then a `job` event for every change.
 */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  const { limit } = parseWith(jobListQuerySchema, Object.fromEntries(new URL(request.url).searchParams))
  const db = await getDatabase()
  const jobs = await listKnowledgeJobs(db, actor, id, limit)
  if (!(request.headers.get('accept') ?? '').includes('text/event-stream')) return json({ jobs })
  return jobEventStream(jobs, (since) => listKnowledgeJobs(db, actor, id, limit, since), request.signal)
})
