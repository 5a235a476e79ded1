import { json, parseJson, route } from '@/lib/http/route'
import { requireSession } from '@/lib/auth'
import { getDatabase } from '@/lib/db'
import { previewRequestSchema } from '@/lib/multi-tenant/oracle/schema'
import { previewAnswer, requireTenant } from '@/lib/multi-tenant/oracle/service'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

/**
 * The dashboard's live preview (tenant admins and platform admins):
 * `{ input, draft: { brandVoice, maiaPersonality, elementalSignature } }` -> an answer in the
 * draft voice. Nothing is stored and no usage is counted.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const { slug } = await params
  const tenant = await requireTenant(slug)
  const session = await requireSession(request)
  const body = await parseJson(request, previewRequestSchema)
  return json(await previewAnswer(await getDatabase(), tenant, session, body))
})
