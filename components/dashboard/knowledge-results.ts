/* Readers for the knowledge list's answers, lenient about wrapping and field casing. */

type Fields = Record<string, unknown>
const asRecord = (value: unknown): Fields | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null)
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)
const num = (value: unknown): number | null =>
  typeof value === 'number' ? value : typeof value === 'string' && value !== '' && !Number.isNaN(Number(value)) ? Number(value) : null

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

export type KnowledgePage = {
  items: KnowledgeItem[]
  total: number | null
  storage: { usedBytes: number; limitBytes: number | null } | null
}

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
