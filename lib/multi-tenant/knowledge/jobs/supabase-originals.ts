import { createHash, randomUUID } from 'node:crypto'
import type { SupabaseClient } from '@supabase/supabase-js'
import { asServer, type Queryable } from '@/lib/db'
import { AppError } from '@/lib/errors'
import type { OriginalFile, OriginalStore, StoredOriginal } from './originals'

/*
 * Originals in a private Supabase Storage bucket (migration 20261206040300). The row in
 * public.tenant_knowledge_originals stays the only way to an object: it is read under the
 * caller's RLS (tenant admins and platform admins) before the server, which alone holds
 * the bucket's key, fetches the bytes. The row is written under the caller's role first
 * (so the insert policy decides who may upload), then the server records the object's
 * path, size and digest, which counts the bytes towards storage (OR413 when full). A
 * download is a signed address of the object, made after the row was read under RLS.
 * An object whose transaction rolls back after the upload stays behind unreferenced; a
 * deleted document's object goes once the delete has committed.
 */

type ObjectRow = { id: string; file_name: string; media_type: string; byte_size: number; sha256: string; object_path: string | null }

const SIGNED_URL_SECONDS = 60

const META = 'id, file_name, media_type, byte_size::float8 as byte_size, sha256, object_path'

function toOriginal(row: ObjectRow): StoredOriginal {
  return { id: row.id, fileName: row.file_name, mediaType: row.media_type, byteSize: Number(row.byte_size), sha256: row.sha256 }
}

export class SupabaseOriginals implements OriginalStore {
  constructor(
    private readonly storage: SupabaseClient['storage'],
    private readonly bucket: string,
  ) {}

  private objects() {
    return this.storage.from(this.bucket)
  }

  private async withBytes(row: ObjectRow | undefined): Promise<OriginalFile | null> {
    if (!row?.object_path) return null
    const { data, error } = await this.objects().download(row.object_path)
    if (error || !data) throw new AppError('unavailable', 'The stored file could not be read from Supabase Storage.', { cause: error })
    return { ...toOriginal(row), bytes: new Uint8Array(await data.arrayBuffer()) }
  }

  async put(tx: Queryable, tenantId: string, file: { fileName: string; mediaType: string; bytes: Uint8Array }): Promise<StoredOriginal> {
    const [row] = await tx.query<{ id: string }>(
      `insert into public.tenant_knowledge_originals (tenant_id, file_name, media_type, content)
       values ($1, $2, $3, ''::bytea) returning id`,
      [tenantId, file.fileName, file.mediaType],
    )
    const id = String(row?.id)
    const objectPath = `${tenantId}/${id}/${randomUUID()}`
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const [recorded] = await asServer(tx, (server) =>
      server.query<ObjectRow>(
        `update public.tenant_knowledge_originals set object_path = $3, byte_size = $4, sha256 = $5
          where tenant_id = $1 and id = $2 returning ${META}`,
        [tenantId, id, objectPath, file.bytes.byteLength, sha256],
      ),
    )
    const { error } = await this.objects().upload(objectPath, file.bytes, { contentType: file.mediaType, upsert: false })
    if (error) throw new AppError('unavailable', 'The file could not be stored in Supabase Storage.', { cause: error })
    return toOriginal(recorded as ObjectRow)
  }

  async read(tx: Queryable, tenantId: string, id: string): Promise<OriginalFile | null> {
    const rows = await tx.query<ObjectRow>(`select ${META} from public.tenant_knowledge_originals where tenant_id = $1 and id = $2`, [
      tenantId,
      id,
    ])
    return this.withBytes(rows[0])
  }

  async findForDocument(tx: Queryable, tenantId: string, knowledgeId: string): Promise<StoredOriginal | null> {
    const rows = await tx.query<ObjectRow>(
      `select ${META} from public.tenant_knowledge_originals where tenant_id = $1 and knowledge_id = $2`,
      [tenantId, knowledgeId],
    )
    return rows[0] ? toOriginal(rows[0]) : null
  }

  async readForDocument(tx: Queryable, tenantId: string, knowledgeId: string): Promise<OriginalFile | null> {
    const rows = await tx.query<ObjectRow>(
      `select ${META} from public.tenant_knowledge_originals where tenant_id = $1 and knowledge_id = $2`,
      [tenantId, knowledgeId],
    )
    return this.withBytes(rows[0])
  }

  /** Lives a minute; whoever holds it in that minute gets the file, as the caller's download. */
  async signedDownload(tx: Queryable, tenantId: string, knowledgeId: string): Promise<string | null> {
    const rows = await tx.query<ObjectRow>(
      `select ${META} from public.tenant_knowledge_originals where tenant_id = $1 and knowledge_id = $2`,
      [tenantId, knowledgeId],
    )
    const row = rows[0]
    if (!row?.object_path) return null
    const { data, error } = await this.objects().createSignedUrl(row.object_path, SIGNED_URL_SECONDS, { download: row.file_name })
    if (error || !data) throw new AppError('unavailable', 'Supabase Storage did not sign a download of the stored file.', { cause: error })
    return data.signedUrl
  }

  async afterDocumentDeleted(tx: Queryable, tenantId: string, knowledgeId: string): Promise<(() => Promise<void>) | null> {
    const rows = await tx.query<{ object_path: string | null }>(
      'select object_path from public.tenant_knowledge_originals where tenant_id = $1 and knowledge_id = $2',
      [tenantId, knowledgeId],
    )
    const path = rows[0]?.object_path
    if (!path) return null
    return async () => {
      const { error } = await this.objects().remove([path])
      if (error) console.error('[knowledge] a deleted document’s original stays in Supabase Storage', path, error)
    }
  }

  async linkToDocument(tx: Queryable, tenantId: string, id: string, knowledgeId: string): Promise<void> {
    await tx.query('update public.tenant_knowledge_originals set knowledge_id = $3 where tenant_id = $1 and id = $2', [
      tenantId,
      id,
      knowledgeId,
    ])
  }

  async remove(tx: Queryable, tenantId: string, id: string): Promise<void> {
    const rows = await tx.query<{ object_path: string | null }>(
      'delete from public.tenant_knowledge_originals where tenant_id = $1 and id = $2 returning object_path',
      [tenantId, id],
    )
    const paths = rows.map((row) => row.object_path).filter((path): path is string => path !== null)
    if (paths.length === 0) return
    const { error } = await this.objects().remove(paths)
    if (error) throw new AppError('unavailable', 'The stored file could not be removed from Supabase Storage.', { cause: error })
  }
}
