import { route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { downloadOriginal } from '@/lib/multi-tenant/knowledge/jobs'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string; knowledgeId: string }> }

/** The file the document was made from, as uploaded; 404 for a document added as JSON text. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id, knowledgeId } = await params
  const original = await downloadOriginal(await getDatabase(), actor, id, knowledgeId)
  return new Response(new Blob([original.bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      'content-type': original.mediaType,
      'content-length': String(original.byteSize),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(original.fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  })
})
