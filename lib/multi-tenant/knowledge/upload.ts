import { AppError, parseOrBadRequest } from '@/lib/errors'
import type { Element } from '@/lib/engine/elements'
import { uploadFieldsSchema } from './schema'
import { MAX_FILES_PER_REQUEST, maxRequestBytes } from './upload-limits'

/*
 * Reading a multipart upload without trusting its size: a declared Content-Length over
 * the request limit is refused before a byte is read, and a body that streams past the
 * limit is cut off where it crosses it. Each file is then checked against the per-file
 * limit (UPLOAD_MAX_MB) by the extractor.
 */

export type UploadForm = {
  files: File[]
  fields: { category: string | null; tags: string[]; elemental_tags: Element[]; collection_id?: string | null }
}

function megabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`
}

function requestTooLarge(limit: number, perFileBytes: number): AppError {
  return new AppError(
    'payload_too_large',
    `One upload request may carry at most ${megabytes(limit)} (each file at most ${megabytes(perFileBytes)}). Send fewer files at a time.`,
    { details: { maxRequestBytes: limit, maxFileBytes: perFileBytes } },
  )
}

function limitedBody(body: ReadableStream<Uint8Array>, limit: number, onExceeded: () => void): ReadableStream<Uint8Array> {
  let seen = 0
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength
        if (seen > limit) {
          onExceeded()
          controller.error(new Error('request body over the limit'))
          return
        }
        controller.enqueue(chunk)
      },
    }),
  )
}

async function readForm(request: Request, limit: number, perFileBytes: number): Promise<FormData> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > limit) throw requestTooLarge(limit, perFileBytes)
  if (!request.body) throw new AppError('bad_request', 'The upload has no body.')
  let exceeded = false
  const stream = limitedBody(request.body, limit, () => {
    exceeded = true
  })
  try {
    const headers = { 'content-type': request.headers.get('content-type') ?? '' }
    return await new Response(stream, { headers }).formData()
  } catch (error) {
    if (exceeded) throw requestTooLarge(limit, perFileBytes)
    throw new AppError('bad_request', 'The upload is not valid multipart/form-data.', { cause: error })
  }
}

// Tags may come as repeated fields or as one comma-separated field.
function listField(form: FormData, ...names: string[]): string[] {
  return names
    .flatMap((name) => form.getAll(name))
    .filter((value): value is string => typeof value === 'string')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean)
}

/** Files from `file` (or `files`) fields, with the optional category, tags, elementalTags and collectionId fields. */
export async function readUploadForm(request: Request, perFileBytes: number): Promise<UploadForm> {
  const form = await readForm(request, maxRequestBytes(perFileBytes), perFileBytes)
  const files = [...form.getAll('file'), ...form.getAll('files')].filter((value): value is File => value instanceof File)
  if (files.length === 0) throw new AppError('bad_request', 'Attach at least one file in a `file` field.')
  if (files.length > MAX_FILES_PER_REQUEST) {
    throw new AppError('bad_request', `Send at most ${MAX_FILES_PER_REQUEST} files per request.`)
  }
  const category = form.get('category')
  const collectionId = form.get('collectionId')
  const fields = parseOrBadRequest(
    uploadFieldsSchema,
    {
      category: typeof category === 'string' ? category : null,
      tags: listField(form, 'tags'),
      elemental_tags: listField(form, 'elementalTags', 'elemental_tags').map((tag) => tag.toLowerCase()),
      collection_id: typeof collectionId === 'string' && collectionId.trim() ? collectionId.trim() : null,
    },
    'The upload fields are not valid.',
  )
  return { files, fields }
}
