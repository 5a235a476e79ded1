import { contractJson, parseJson } from '@/lib/http/route'
import { tenantRoute } from '@/lib/http/tenant-route'
import { AppError, errorResponse, type ErrorCode } from '@/lib/errors'
import {
  knowledgeCreatedResponseSchema,
  knowledgeCreateSchema,
  knowledgeListQuerySchema,
  knowledgeListResponseSchema,
} from '@/lib/contracts/knowledge'
import { uploadAcceptedResponseSchema, type UploadedFile } from '@/lib/contracts/knowledge-jobs'
import { addDocument, authorizeKnowledgeAdmin, duplicateError, listKnowledge, uploadLimitBytes } from '@/lib/multi-tenant/knowledge'
import { uploadFiles } from '@/lib/multi-tenant/knowledge'
import { readUploadForm } from '@/lib/multi-tenant/knowledge'

export const dynamic = 'force-dynamic'

type Params = { id: string }

/** `?page&pageSize&q` -> `{ items, total, page, pageSize, storage: { usedBytes, limitBytes } }`, newest first. */
export const GET = tenantRoute<Params, undefined, typeof knowledgeListQuerySchema>(
  { by: 'id', minRole: 'admin', query: knowledgeListQuerySchema },
  async ({ caller, query, params }) => contractJson(knowledgeListResponseSchema, await listKnowledge(caller, params.id, query)),
)

/**
 * 202 with a job per file. A lone file refused before any work (413 over the size limit
 * or the tenant's storage, 415 not a type we read, 422 empty or an unreadable .zip) is
 * that request's status; among several, a refused file has `id: null` and its `error`.
 */
function uploadResponse(jobs: UploadedFile[]): Response {
  const [only] = jobs
  if (jobs.length === 1 && only?.id === null && only.error) {
    return errorResponse(new AppError(only.error.code as ErrorCode, only.error.message, { details: { filename: only.fileName } }))
  }
  return contractJson(uploadAcceptedResponseSchema, { jobs }, 202)
}

/**
 * JSON `{ title, content, category?, tags?, elementalTags?, sourceType? }` -> 201
 * `{ id, title, chunkCount }` (409 with the existing id for the same text), or
 * multipart/form-data with `file` fields (.txt, .md, .pdf, .docx, or a .zip of them; up
 * to 500 files; optional `category`, `tags`, `elementalTags` fields) -> 202
 * `{ jobs: [{ id, fileName, status, error? }] }`; follow them at .../knowledge/jobs.
 */
export const POST = tenantRoute<Params>({ by: 'id', minRole: 'admin' }, async ({ caller, params, request }) => {
  const { id } = params
  await authorizeKnowledgeAdmin(caller, id)
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (type.startsWith('multipart/form-data')) {
    const form = await readUploadForm(request, uploadLimitBytes())
    return uploadResponse(await uploadFiles(caller, id, form))
  }
  if (!type.includes('application/json')) {
    throw new AppError('unsupported_media_type', 'Send a JSON document or files as multipart/form-data.')
  }
  const stored = await addDocument(caller, id, await parseJson(request, knowledgeCreateSchema))
  if (stored.duplicate) throw duplicateError(stored.id)
  return contractJson(knowledgeCreatedResponseSchema, { id: stored.id, title: stored.title, chunkCount: stored.chunkCount }, 201)
})
