import { readableDocumentResponseSchema } from '@/lib/contracts/documents'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { readDocument } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

/** `{ document: { id, title, sourceType, createdAt, content, passages } }` for the tenant's members; anything they may not read is 404. */
export const GET = tenantRoute<{ slug: string; id: string }>({ minRole: 'viewer' }, async ({ caller, params }) =>
  contractJson(readableDocumentResponseSchema, { document: await readDocument(caller, caller.tenant.id, params.id) }),
)
