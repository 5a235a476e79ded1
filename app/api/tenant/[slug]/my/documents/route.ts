import {
  myDocumentCreatedSchema,
  myDocumentCreateSchema,
  myDocumentListSchema,
  myDocumentsUploadedSchema,
} from '@/lib/contracts/personal-documents'
import { AppError } from '@/lib/errors'
import { contractJson, parseJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { readUploadForm, uploadLimitBytes } from '@/lib/multi-tenant/knowledge'
import { addMyDocument, listMyDocuments, uploadMyDocuments } from '@/lib/multi-tenant/personal'

export const dynamic = 'force-dynamic'

type Params = { slug: string }

/** `{ items, usedBytes }`: the caller's own documents, newest first. */
export const GET = tenantRoute<Params>({ minRole: 'viewer' }, async ({ caller }) =>
  contractJson(myDocumentListSchema, await listMyDocuments(caller, caller.tenant.id)),
)

/**
 * JSON `{ title, content, tags?, sourceType? }` -> 201 `{ id, title, chunkCount }` (409 for
 * a text the caller already has), or multipart/form-data with `file` fields (.txt, .md,
 * .pdf, .docx) -> 201 `{ documents: [{ fileName, id, chunkCount, error? }] }`. Private to
 * the caller; counted against the tenant's storage (413 when full).
 */
export const POST = tenantRoute<Params>({ minRole: 'user' }, async ({ caller, request }) => {
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (type.startsWith('multipart/form-data')) {
    const form = await readUploadForm(request, uploadLimitBytes())
    return contractJson(myDocumentsUploadedSchema, await uploadMyDocuments(caller, caller.tenant.id, form.files), 201)
  }
  if (!type.includes('application/json')) {
    throw new AppError('unsupported_media_type', 'Send a JSON document or files as multipart/form-data.')
  }
  const stored = await addMyDocument(caller, caller.tenant.id, await parseJson(request, myDocumentCreateSchema))
  return contractJson(myDocumentCreatedSchema, { id: stored.id, title: stored.title, chunkCount: stored.chunkCount }, 201)
})
