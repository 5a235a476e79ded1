import type { UploadOutcome } from './upload-queue'

/*
 * Readers for the knowledge routes' answers, lenient about wrapping so one file's
 * result reads the same from a bulk answer (`results[0]`) or a single one.
 */

type Fields = Record<string, unknown>
const asRecord = (value: unknown): Fields | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null)
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)
const num = (value: unknown): number | null => (typeof value === 'number' ? value : typeof value === 'string' && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : null)

export type KnowledgeItem = {
  id: string
  title: string
  sourceType: string | null
  filename: string | null
  category: string | null
  byteSize: number | null
  chunkCount: number | null
  createdAt: string | null
}

export function readKnowledgeItem(raw: unknown): KnowledgeItem | null {
  const row = asRecord(raw)
  const id = text(row?.id)
  if (!row || !id) return null
  return {
    id,
    title: text(row.title) ?? text(row.filename) ?? 'Untitled',
    sourceType: text(row.sourceType) ?? text(row.source_type),
    filename: text(row.filename),
    category: text(row.category),
    byteSize: num(row.byteSize) ?? num(row.byte_size),
    chunkCount: num(row.chunkCount) ?? num(row.chunk_count),
    createdAt: text(row.createdAt) ?? text(row.created_at),
  }
}

export type KnowledgePage = { items: KnowledgeItem[]; total: number | null; storage: { usedBytes: number; limitBytes: number | null } | null }

export function readKnowledgePage(body: unknown): KnowledgePage {
  const record = asRecord(body)
  const list = Array.isArray(body) ? body : (['items', 'knowledge', 'documents'].map((key) => record?.[key]).find(Array.isArray) ?? [])
  const storage = asRecord(record?.storage)
  const usedBytes = num(storage?.usedBytes)
  return {
    items: (list as unknown[]).flatMap((raw) => readKnowledgeItem(raw) ?? []),
    total: num(record?.total),
    storage: usedBytes === null ? null : { usedBytes, limitBytes: num(storage?.limitBytes) },
  }
}

/** One file's result: added (with its chunk count), already there, or refused with a reason. */
export function describeUpload(body: unknown): UploadOutcome {
  const record = asRecord(body)
  const results = record?.results
  const first = asRecord(Array.isArray(results) ? results[0] : (record?.result ?? record))
  if (!first) return { ok: false, message: 'The server gave no result for this file.' }
  const error = asRecord(first.error)
  if (error) return { ok: false, message: text(error.message) ?? 'The file could not be added.' }
  const item = readKnowledgeItem(first.knowledge ?? first.document ?? first.item ?? first)
  const status = text(first.status)
  if (status === 'duplicate' || first.duplicate === true) return { ok: true, message: `Already in the knowledge base${item ? ` as “${item.title}”` : ''}.` }
  if (!item) return { ok: false, message: text(first.message) ?? 'The file could not be added.' }
  const passages = item.chunkCount === null ? '' : item.chunkCount === 1 ? ', 1 passage' : `, ${item.chunkCount} passages`
  return { ok: true, message: `Added as “${item.title}”${passages}.` }
}
