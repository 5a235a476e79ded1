import type { MyDocumentCreate, MyDocumentsUploaded } from '@/lib/contracts/personal-documents'
import { toAppError } from '@/lib/errors'
import { assertContentMatches, assertWithinSizeLimit, baseName, formatFromExtension } from '@/lib/ingest/file-types'
import { DEFAULT_EXTRACTION_LIMITS } from '@/lib/ingest/limits'
import { ingestPool } from '@/lib/ingest/worker/shared-pool'
import type { Acting } from '@/lib/multi-tenant/access'
import { addPersonalDocument, duplicateError, uploadLimitBytes, type StoredDocument } from '@/lib/multi-tenant/knowledge'

/*
 * Adding personal documents. JSON text is stored like a tenant document; files are read
 * in the ingest workers (within the same limits as tenant uploads) while the request
 * waits, and stored at once: a member's files are few, and a personal document must not
 * pass through the tenant's job queue, which its admins read.
 */

export async function addMyDocument(caller: Acting, tenantId: string, input: MyDocumentCreate): Promise<StoredDocument> {
  const stored = await addPersonalDocument(caller, tenantId, { ...input, elemental_tags: [], category: null })
  if (stored.duplicate) throw duplicateError(stored.id)
  return stored
}

async function addFile(caller: Acting, tenantId: string, file: File): Promise<MyDocumentsUploaded['documents'][number]> {
  const fileName = baseName(file.name)
  try {
    const maxBytes = uploadLimitBytes()
    assertWithinSizeLimit(fileName, file.size, maxBytes)
    const format = formatFromExtension(fileName)
    const bytes = new Uint8Array(await file.arrayBuffer())
    if (format === 'pdf' || format === 'docx') assertContentMatches(fileName, format, bytes)
    const extracted = await ingestPool().run(
      { type: 'extract', filename: fileName, bytes, maxBytes, limits: DEFAULT_EXTRACTION_LIMITS },
      fileName,
    )
    const stored = await addPersonalDocument(caller, tenantId, {
      title: extracted.title.slice(0, 300),
      content: extracted.text,
      sourceType: extracted.format,
      filename: fileName,
      tags: extracted.tags ?? [],
      elemental_tags: [],
      category: null,
    })
    if (stored.duplicate) throw duplicateError(stored.id, fileName)
    return { fileName, id: stored.id, chunkCount: stored.chunkCount }
  } catch (error) {
    const appError = toAppError(error)
    if (appError.status >= 500) throw appError
    return { fileName, id: null, chunkCount: 0, error: { code: appError.code, message: appError.message } }
  }
}

/** One file after the other: each is its own document, and a refused one leaves the others stored. */
export async function uploadMyDocuments(caller: Acting, tenantId: string, files: File[]): Promise<MyDocumentsUploaded> {
  const documents: MyDocumentsUploaded['documents'] = []
  for (const file of files) documents.push(await addFile(caller, tenantId, file))
  return { documents }
}
