import { json, parseJson, parseWith, route } from '@/lib/http/route'
import { getDatabase } from '@/lib/db'
import { AppError, errorResponse } from '@/lib/errors'
import {
  addDocument,
  addFiles,
  authorizeKnowledgeAdmin,
  duplicateError,
  listKnowledge,
  uploadLimitBytes,
  type FileResult,
} from '@/lib/multi-tenant/knowledge/admin'
import { knowledgeBodySchema, listQuerySchema } from '@/lib/multi-tenant/knowledge/schema'
import { readUploadForm } from '@/lib/multi-tenant/knowledge/upload'
import { requireActor } from '@/lib/multi-tenant/access/request-actor'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

/** `?page&pageSize&q` -> `{ items, total, page, pageSize, storage: { usedBytes, limitBytes } }`, newest first. */
export const GET = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  const query = parseWith(listQuerySchema, Object.fromEntries(new URL(request.url).searchParams))
  return json(await listKnowledge(await getDatabase(), actor, id, query))
})

/**
 * One file's failure is that request's status (413, 415, 422, 409 for a duplicate, 413
 * storage_full); with several files each gets its own result: 201 when all were created,
 * 200 with `{ results }` when some were not.
 */
function uploadResponse(results: FileResult[]): Response {
  const [only] = results
  if (results.length === 1 && only?.status === 'error' && only.error) {
    return errorResponse(new AppError(only.error.code, only.error.message, { details: { filename: only.filename } }))
  }
  if (results.length === 1 && only?.status === 'duplicate' && only.id) {
    return errorResponse(duplicateError(only.id, only.filename))
  }
  return json({ results }, results.every((result) => result.status === 'created') ? 201 : 200)
}

/**
 * JSON `{ title, content, category?, tags?, elementalTags?, sourceType? }` -> 201
 * `{ id, title, chunkCount }` (409 with the existing id for the same text), or
 * multipart/form-data with `file` fields (.txt, .md, .pdf, .docx; optional `category`,
 * `tags`, `elementalTags` fields) -> `{ results: [{ filename, status, id?, title?, chunkCount?, error? }] }`.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const actor = await requireActor(request)
  const { id } = await params
  const db = await getDatabase()
  await authorizeKnowledgeAdmin(db, actor, id)
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (type.startsWith('multipart/form-data')) {
    const form = await readUploadForm(request, uploadLimitBytes())
    return uploadResponse(await addFiles(db, actor, id, form))
  }
  if (!type.includes('application/json')) {
    throw new AppError('unsupported_media_type', 'Send a JSON document or files as multipart/form-data.')
  }
  const stored = await addDocument(db, actor, id, await parseJson(request, knowledgeBodySchema))
  if (stored.duplicate) throw duplicateError(stored.id)
  return json({ id: stored.id, title: stored.title, chunkCount: stored.chunkCount }, 201)
})
