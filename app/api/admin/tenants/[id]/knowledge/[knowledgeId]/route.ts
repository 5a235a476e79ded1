import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { knowledgeDocumentResponseSchema } from '@/lib/contracts/knowledge'
import { deleteKnowledge, getKnowledge } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

type Params = { id: string; knowledgeId: string }

/** The document with its text: `{ document }`. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(knowledgeDocumentResponseSchema, { document: await getKnowledge(caller, params.id, params.knowledgeId) }),
)

/** 204; the document's chunks go with it and its storage is released. 404 for another tenant's id. */
export const DELETE = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) => {
  await deleteKnowledge(caller, params.id, params.knowledgeId)
  return new Response(null, { status: 204 })
})
