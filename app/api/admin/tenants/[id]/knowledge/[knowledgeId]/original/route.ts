import { tenantRoute } from '@/lib/http/tenant-route'
import type { OriginalFileHeaders } from '@/lib/contracts/knowledge'
import { downloadOriginal } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/**
 * The file the document was made from, as uploaded; 404 for a document added as JSON text.
 * Kept in Supabase Storage, it is a 303 to a signed address that lives a minute.
 */
export const GET = tenantRoute<{ id: string; knowledgeId: string }>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) => {
  const download = await downloadOriginal(caller, params.id, params.knowledgeId)
  if ('signedUrl' in download) {
    return new Response(null, { status: 303, headers: { location: download.signedUrl, 'cache-control': 'private, no-store' } })
  }
  const original = download.file
  const headers: OriginalFileHeaders = {
    'content-type': original.mediaType,
    'content-length': String(original.byteSize),
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(original.fileName)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  }
  return new Response(new Blob([original.bytes as Uint8Array<ArrayBuffer>]), { headers })
})
