import { contractJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { defaultEmbedder } from '@/lib/ai/env-config'
import { knowledgeDocumentResponseSchema } from '@/lib/contracts/knowledge'
import { documentPlacementInputSchema, documentPlacementSchema } from '@/lib/contracts/collections'
import { deleteKnowledge, getKnowledgeDetails, placeDocument } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

type Params = { id: string; knowledgeId: string }

/** `{ document, chunks, original, index }`: the document with its text, its passages, its stored file and its index state. */
export const GET = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) =>
  contractJson(knowledgeDocumentResponseSchema, await getKnowledgeDetails(caller, params.id, params.knowledgeId, defaultEmbedder().model)),
)

/**
 * `{ collectionId?, visibility?, groupIds? }` -> `{ id, collectionId, visibility, groupIds }`:
 * moves the document to another collection of the tenant and/or sets who reads it
 * (`members`, `admins`, or `groups` with `groupIds`); audited.
 */
export const PUT = tenantRoute<Params, typeof documentPlacementInputSchema>(
  { by: 'id', minRole: 'admin', body: documentPlacementInputSchema },
  async ({ caller, params, body }) =>
    contractJson(documentPlacementSchema, await placeDocument(caller, params.id, params.knowledgeId, body)),
)

/** 204; the document's chunks go with it and its storage is released. 404 for another tenant's id. */
export const DELETE = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params }) => {
  await deleteKnowledge(caller, params.id, params.knowledgeId)
  return new Response(null, { status: 204 })
})
