import type { UploadedFile } from '@/lib/contracts/knowledge-jobs'
import { AppError, toAppError } from '@/lib/errors'
import {
  assertContentMatches,
  assertWithinSizeLimit,
  baseName,
  extensionOf,
  formatFromExtension,
  type DocumentFormat,
} from '@/lib/ingest/file-types'
import type { Acting } from '@/lib/multi-tenant/access'
import { rethrowStorageFull } from '../storage-usage'
import type { UploadForm } from '../upload'
import { MAX_FILES_PER_REQUEST } from '../upload-limits'
import type { JobContext } from './context'
import { insertIngestJob } from './job-store'

/*
 * An upload becomes one stored original and one queued job per file; a .zip is opened
 * (in a worker, within the limits) and each document in it counts as a file. What can be
 * judged without reading a file (its type, its size, the signature of a PDF or Word
 * file, room in the tenant's storage) is answered here; everything else by its job.
 */

const MEDIA_TYPES: Record<DocumentFormat, string> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

type Incoming = { fileName: string; bytes: Uint8Array }

function refused(fileName: string, error: unknown): UploadedFile {
  const appError = toAppError(error)
  if (appError.status >= 500) console.error('[knowledge] upload failed', fileName, appError.cause ?? appError)
  return { id: null, fileName, status: 'failed', error: { code: appError.code, message: appError.message } }
}

async function expand(context: JobContext, file: File): Promise<(Incoming | UploadedFile)[]> {
  const fileName = baseName(file.name)
  try {
    if (extensionOf(fileName) !== '.zip') {
      assertWithinSizeLimit(fileName, file.size, context.maxFileBytes)
      return [{ fileName, bytes: new Uint8Array(await file.arrayBuffer()) }]
    }
    const entries = await context.pool.run(
      {
        type: 'unzip',
        filename: fileName,
        bytes: new Uint8Array(await file.arrayBuffer()),
        limits: context.limits,
        maxFiles: MAX_FILES_PER_REQUEST + 1,
      },
      fileName,
    )
    if (entries.length === 0) throw new AppError('unprocessable', `${fileName} holds no .txt, .md, .pdf or .docx files.`)
    return entries.map((entry) => ({ fileName: entry.name.slice(0, 255), bytes: entry.bytes }))
  } catch (error) {
    return [refused(fileName, error)]
  }
}

/** The cheap checks; text files are checked for valid UTF-8 by their job, off this thread. */
function precheck(context: JobContext, file: Incoming): DocumentFormat {
  const format = formatFromExtension(file.fileName)
  assertWithinSizeLimit(file.fileName, file.bytes.length, context.maxFileBytes)
  if (format === 'pdf' || format === 'docx') assertContentMatches(file.fileName, format, file.bytes)
  if (file.bytes.length === 0) throw new AppError('unprocessable', `${baseName(file.fileName)} is empty.`)
  return format
}

/** One transaction per file: a file that does not fit the tenant's storage leaves the others queued. */
export async function enqueueFiles(context: JobContext, caller: Acting, tenantId: string, form: UploadForm): Promise<UploadedFile[]> {
  const expanded = (await Promise.all(form.files.map((file) => expand(context, file)))).flat()
  if (expanded.length > MAX_FILES_PER_REQUEST) {
    throw new AppError('bad_request', `Send at most ${MAX_FILES_PER_REQUEST} files per request, counting those inside a .zip.`)
  }
  const results: UploadedFile[] = []
  for (const item of expanded) {
    if ('status' in item) {
      results.push(item)
      continue
    }
    try {
      const format = precheck(context, item)
      const job = await caller.run(async (tx) => {
        const original = await context.originals
          .put(tx, tenantId, { fileName: baseName(item.fileName), mediaType: MEDIA_TYPES[format], bytes: item.bytes })
          .catch(rethrowStorageFull)
        return insertIngestJob(tx, tenantId, item.fileName, original.id, form.fields)
      })
      results.push({ id: job.id, fileName: item.fileName, status: job.status })
    } catch (error) {
      results.push(refused(item.fileName, error))
    }
  }
  return results
}
