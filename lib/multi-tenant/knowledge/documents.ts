import type { Queryable } from '@/lib/db'
import type { Element } from '@/lib/engine/elements'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import type { KnowledgeChunk, KnowledgeDocument, KnowledgeListPage, KnowledgeSummary, SourceType } from '@/lib/contracts/knowledge'

/** A page of documents; the admin list adds the tenant's storage. */
export type KnowledgePage = Omit<KnowledgeListPage, 'storage'>

type SummaryRow = {
  id: string
  title: string
  category: string | null
  tags: string[]
  elemental_tags: Element[]
  source_type: SourceType
  filename: string | null
  byte_size: number
  token_count: number
  chunk_count: number
  created_at: Date | string
}

const SUMMARY_COLUMNS = `id, title, category, tags, elemental_tags, source_type, filename,
  byte_size::float8 as byte_size, token_count, chunk_count, created_at`

function toSummary(row: SummaryRow): KnowledgeSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    tags: row.tags,
    elementalTags: row.elemental_tags,
    sourceType: row.source_type,
    filename: row.filename,
    byteSize: Number(row.byte_size),
    tokenCount: row.token_count,
    chunkCount: row.chunk_count,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

/** `%` and `_` in a search box mean themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

export async function listDocuments(
  tx: Queryable,
  tenantId: string,
  query: { page: number; pageSize: number; q?: string },
): Promise<KnowledgePage> {
  const pattern = query.q ? likePattern(query.q) : null
  const where = `tenant_id = $1 and owner_id is null and ($2::text is null or title ilike $2 or filename ilike $2)`
  const [counted] = await tx.query<{ total: number }>(`select count(*)::int as total from public.tenant_knowledge where ${where}`, [
    tenantId,
    pattern,
  ])
  const rows = await tx.query<SummaryRow>(
    `select ${SUMMARY_COLUMNS} from public.tenant_knowledge where ${where}
      order by created_at desc, id limit $3 offset $4`,
    [tenantId, pattern, query.pageSize, (query.page - 1) * query.pageSize],
  )
  return { items: rows.map(toSummary), total: counted?.total ?? 0, page: query.page, pageSize: query.pageSize }
}

export async function getDocument(tx: Queryable, tenantId: string, id: string): Promise<KnowledgeDocument | null> {
  if (!isUuid(id)) return null
  const rows = await tx.query<SummaryRow & { content: string }>(
    `select ${SUMMARY_COLUMNS}, content from public.tenant_knowledge where tenant_id = $1 and id = $2`,
    [tenantId, id],
  )
  const row = rows[0]
  return row ? { ...toSummary(row), content: row.content } : null
}

/** The document whose text hashes the same, if the tenant (or, for a personal one, the caller) already has it. */
export async function findByHash(
  tx: Queryable,
  tenantId: string,
  hash: string,
  personal = false,
): Promise<{ id: string; title: string; chunkCount: number } | null> {
  const owner = personal ? 'owner_id = (select auth.uid())' : 'owner_id is null'
  const rows = await tx.query<{ id: string; title: string; chunk_count: number }>(
    `select id, title, chunk_count from public.tenant_knowledge where tenant_id = $1 and content_hash = $2 and ${owner}`,
    [tenantId, hash],
  )
  const row = rows[0]
  return row ? { id: row.id, title: row.title, chunkCount: row.chunk_count } : null
}

/** 404 unless `collectionId` is one of the tenant's collections the caller sees. */
export async function assertCollection(tx: Queryable, tenantId: string, collectionId: string): Promise<void> {
  const rows = isUuid(collectionId)
    ? await tx.query('select 1 from public.tenant_collections where tenant_id = $1 and id = $2', [tenantId, collectionId])
    : []
  if (rows.length === 0) throw new AppError('not_found', 'No such collection in this tenant.')
}

export async function documentTitle(tx: Queryable, tenantId: string, id: string): Promise<string | null> {
  const rows = await tx.query<{ title: string }>('select title from public.tenant_knowledge where tenant_id = $1 and id = $2', [
    tenantId,
    id,
  ])
  return rows[0]?.title ?? null
}

/** The document's passages in document order, with whether each is embedded by `model`. */
export async function documentChunks(
  tx: Queryable,
  tenantId: string,
  knowledgeId: string,
  model: string,
): Promise<{ chunks: KnowledgeChunk[]; pendingChunks: number }> {
  const rows = await tx.query<{ chunk_index: number; heading: string | null; content: string; token_count: number; pending: boolean }>(
    `select chunk_index, heading, content, token_count, embedding_model <> $3 as pending
       from public.tenant_knowledge_chunks where tenant_id = $1 and knowledge_id = $2 order by chunk_index`,
    [tenantId, knowledgeId, model],
  )
  return {
    chunks: rows.map((row) => ({ index: row.chunk_index, heading: row.heading, content: row.content, tokenCount: row.token_count })),
    pendingChunks: rows.filter((row) => row.pending).length,
  }
}
