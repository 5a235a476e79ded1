import type { Queryable } from '@/lib/db'
import type { KnowledgeSource } from '@/lib/contracts/oracle'

type Origin = NonNullable<KnowledgeSource['origin']>

/** Where each document sits, read under the caller's RLS: its collection, or personal (the caller's own or shared with them). */
export async function sourceOrigins(tx: Queryable, tenantId: string, knowledgeIds: string[]): Promise<Map<string, Origin>> {
  if (knowledgeIds.length === 0) return new Map()
  const rows = await tx.query<{ id: string; personal: boolean; collection_id: string | null; name: string | null }>(
    `select k.id, k.owner_id is not null as personal, k.collection_id, c.name
       from public.tenant_knowledge k
       left join public.tenant_collections c on c.tenant_id = k.tenant_id and c.id = k.collection_id
      where k.tenant_id = $1 and k.id = any ($2::uuid[])`,
    [tenantId, [...new Set(knowledgeIds)]],
  )
  const origins = new Map<string, Origin>()
  for (const row of rows) {
    if (row.personal) origins.set(String(row.id), { kind: 'personal' })
    else if (row.collection_id && row.name)
      origins.set(String(row.id), { kind: 'collection', collectionId: String(row.collection_id), name: row.name })
  }
  return origins
}
