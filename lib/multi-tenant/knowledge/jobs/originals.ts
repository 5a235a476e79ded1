import type { Queryable } from '@/lib/db'

/*
 * Where uploaded files are kept. The interface is what jobs and the download route need;
 * the Postgres implementation keeps the bytes in public.tenant_knowledge_originals
 * (RLS: tenant admins and platform admins; bytes counted towards storage), so an
 * original is stored, linked and released in the same transactions as everything else.
 */

export type StoredOriginal = { id: string; fileName: string; mediaType: string; byteSize: number; sha256: string }
export type OriginalFile = StoredOriginal & { bytes: Uint8Array }

export interface OriginalStore {
  /** Stores a file for the tenant; raises storage_full (OR413) when it does not fit. */
  put(tx: Queryable, tenantId: string, file: { fileName: string; mediaType: string; bytes: Uint8Array }): Promise<StoredOriginal>
  read(tx: Queryable, tenantId: string, id: string): Promise<OriginalFile | null>
  /** The original a document was made from, if it was uploaded as a file. */
  findForDocument(tx: Queryable, tenantId: string, knowledgeId: string): Promise<StoredOriginal | null>
  /** The same with its bytes. */
  readForDocument(tx: Queryable, tenantId: string, knowledgeId: string): Promise<OriginalFile | null>
  /**
   * A short-lived signed address of the document's original, for stores that serve files
   * themselves (the row is read under the caller's RLS first); absent: the bytes come
   * through readForDocument.
   */
  signedDownload?(tx: Queryable, tenantId: string, knowledgeId: string): Promise<string | null>
  /**
   * For stores outside the database: called in the transaction that deletes the document
   * (whose original row goes by cascade), it returns the clean-up to run once that
   * transaction has committed, so a rolled-back delete keeps the file.
   */
  afterDocumentDeleted?(tx: Queryable, tenantId: string, knowledgeId: string): Promise<(() => Promise<void>) | null>
  linkToDocument(tx: Queryable, tenantId: string, id: string, knowledgeId: string): Promise<void>
  remove(tx: Queryable, tenantId: string, id: string): Promise<void>
}

type OriginalRow = { id: string; file_name: string; media_type: string; byte_size: number; sha256: string; content?: Uint8Array }

const META = 'id, file_name, media_type, byte_size::float8 as byte_size, sha256'

function toOriginal(row: OriginalRow): StoredOriginal {
  return { id: row.id, fileName: row.file_name, mediaType: row.media_type, byteSize: Number(row.byte_size), sha256: row.sha256 }
}

function withBytes(row: OriginalRow | undefined): OriginalFile | null {
  if (!row?.content) return null
  return { ...toOriginal(row), bytes: new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength) }
}

export const postgresOriginals: OriginalStore = {
  async put(tx, tenantId, file) {
    const rows = await tx.query<OriginalRow>(
      `insert into public.tenant_knowledge_originals (tenant_id, file_name, media_type, content)
       values ($1, $2, $3, $4::bytea) returning ${META}`,
      [tenantId, file.fileName, file.mediaType, file.bytes],
    )
    return toOriginal(rows[0] as OriginalRow)
  },
  async read(tx, tenantId, id) {
    const rows = await tx.query<OriginalRow>(
      `select ${META}, content from public.tenant_knowledge_originals where tenant_id = $1 and id = $2`,
      [tenantId, id],
    )
    return withBytes(rows[0])
  },
  async findForDocument(tx, tenantId, knowledgeId) {
    const rows = await tx.query<OriginalRow>(
      `select ${META} from public.tenant_knowledge_originals where tenant_id = $1 and knowledge_id = $2`,
      [tenantId, knowledgeId],
    )
    return rows[0] ? toOriginal(rows[0]) : null
  },
  async readForDocument(tx, tenantId, knowledgeId) {
    const rows = await tx.query<OriginalRow>(
      `select ${META}, content from public.tenant_knowledge_originals where tenant_id = $1 and knowledge_id = $2`,
      [tenantId, knowledgeId],
    )
    return withBytes(rows[0])
  },
  async linkToDocument(tx, tenantId, id, knowledgeId) {
    await tx.query('update public.tenant_knowledge_originals set knowledge_id = $3 where tenant_id = $1 and id = $2', [
      tenantId,
      id,
      knowledgeId,
    ])
  },
  async remove(tx, tenantId, id) {
    await tx.query('delete from public.tenant_knowledge_originals where tenant_id = $1 and id = $2', [tenantId, id])
  },
}
