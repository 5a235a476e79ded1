import { json, parseJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { getDatabase } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { searchAsMember } from '@/lib/multi-tenant/knowledge/member-search'
import { searchBodySchema } from '@/lib/multi-tenant/knowledge/schema'
import { resolveTenantBySlug } from '@/lib/multi-tenant/tenants/directory'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

/**
 * `{ query, limit?, matchThreshold?, category?, tags?, elementalTags? }` ->
 * `{ results: [{ id, knowledgeId, title, heading, snippet, score }] }` for the tenant's
 * members; `score` is the cosine similarity to the query.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const { slug } = await params
  const tenant = await resolveTenantBySlug(slug)
  if (!tenant) throw new AppError('not_found', 'No such tenant.')
  const session = await requireSession(request)
  const body = await parseJson(request, searchBodySchema)
  return json({ results: await searchAsMember(await getDatabase(), session, tenant, body) })
})
