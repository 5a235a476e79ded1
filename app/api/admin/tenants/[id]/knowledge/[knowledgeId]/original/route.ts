import { tenantRoute } from '@/lib/http/tenant-route'
import type { OriginalFileHeaders } from '@/lib/contracts/knowledge'
import { downloadOriginal } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/** The file the document was made from, as uploaded; 404 for a document added as JSON text. */
export const GET = tenantRoute<{ id: string; knowledgeId: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) => {
  const original = await downloadOriginal(caller, params.id, params.knowledgeId)
  const headers: OriginalFileHeaders = {
    'content-type': original.mediaType,
    'content-length': String(original.byteSize),
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(original.fileName)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  }
  return new Response(new Blob([original.bytes as Uint8Array<ArrayBuffer>]), { headers })
})
