import type { MyDocument, MyDocumentList, MyDocumentSummary } from '@/lib/contracts/personal-documents'
import type { SourceType } from '@/lib/contracts/knowledge'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'

/*
 * A member's personal documents, read and removed under their own RLS: the policies of
 * 20261206030200 and 20261206030500 let only the owner (and grantees, for reading) see
 * them, so these statements name the owner only to list theirs and not what is shared.
 */

type SummaryRow = {
  id: string
  title: string
  source_type: SourceType
  filename: string | null
  byte_size: number
  chunk_count: number
  share_count: number
  created_at: Date | string
}

const SUMMARY = `k.id, k.title, k.source_type, k.filename, k.byte_size::float8 as byte_size, k.chunk_count, k.created_at,
  (select count(*) from public.tenant_shares s where s.tenant_id = k.tenant_id and s.document_id = k.id)::int as share_count`

const toSummary = (row: SummaryRow): MyDocumentSummary => ({
  id: String(row.id),
  title: row.title,
  sourceType: row.source_type,
  filename: row.filename,
  byteSize: Number(row.byte_size),
  chunkCount: row.chunk_count,
  shareCount: Number(row.share_count),
  createdAt: new Date(row.created_at).toISOString(),
})

const documentNotFound = () => new AppError('not_found', 'No such document.')

export async function listMyDocuments(caller: Acting, tenantId: string): Promise<MyDocumentList> {
  const rows = await caller.run((tx) =>
    tx.query<SummaryRow>(
      `select ${SUMMARY} from public.tenant_knowledge k
        where k.tenant_id = $1 and k.owner_id = (select auth.uid()) order by k.created_at desc, k.id`,
      [tenantId],
    ),
  )
  const items = rows.map(toSummary)
  return { items, usedBytes: items.reduce((sum, item) => sum + item.byteSize, 0) }
}

export async function readMyDocument(caller: Acting, tenantId: string, id: string): Promise<MyDocument> {
  if (!isUuid(id)) throw documentNotFound()
  const [row] = await caller.run((tx) =>
    tx.query<SummaryRow & { content: string }>(
      `select ${SUMMARY}, k.content from public.tenant_knowledge k
        where k.tenant_id = $1 and k.id = $2 and k.owner_id = (select auth.uid())`,
      [tenantId, id],
    ),
  )
  if (!row) throw documentNotFound()
  return { document: { ...toSummary(row), content: row.content } }
}

/** Its chunks, shares and storage go with it (cascades and the storage triggers). */
export async function removeMyDocument(caller: Acting, tenantId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw documentNotFound()
  const removed = await caller.run((tx) =>
    tx.query('delete from public.tenant_knowledge where tenant_id = $1 and id = $2 and owner_id = (select auth.uid()) returning id', [
      tenantId,
      id,
    ]),
  )
  if (removed.length === 0) throw documentNotFound()
}
