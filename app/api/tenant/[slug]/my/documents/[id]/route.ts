import { myDocumentSchema } from '@/lib/contracts/personal-documents'
import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { readMyDocument, removeMyDocument } from '@/lib/multi-tenant/personal'

export const dynamic = 'force-dynamic'

type Params = { slug: string; id: string }

/** `{ document }` with its text; 404 for anyone's but the caller's own. */
export const GET = tenantRoute<Params>({ minRole: 'viewer' }, async ({ caller, params }) =>
  contractJson(myDocumentSchema, await readMyDocument(caller, caller.tenant.id, params.id)),
)

/** 204: the document, its passages and its shares are gone, and its storage is released. */
export const DELETE = tenantRoute<Params>({ minRole: 'viewer' }, async ({ caller, params }) => {
  await removeMyDocument(caller, caller.tenant.id, params.id)
  return new Response(null, { status: 204 })
})
