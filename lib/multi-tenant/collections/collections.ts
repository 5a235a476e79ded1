import type { Collection, CollectionList } from '@/lib/contracts/collections'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'

/*
 * A tenant's collections, kept by its admins under RLS (20261206030000). The default
 * collection is made with the tenant and holds every document that names none.
 */

type CollectionRow = { id: string; name: string; is_default: boolean; document_count: number; created_at: Date | string }

const toCollection = (row: CollectionRow): Collection => ({
  id: String(row.id),
  name: row.name,
  isDefault: row.is_default,
  documentCount: Number(row.document_count),
  createdAt: new Date(row.created_at).toISOString(),
})

export async function listCollections(caller: Acting, tenantId: string): Promise<CollectionList> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<CollectionRow>(
      `select c.id, c.name, c.is_default, c.created_at,
              (select count(*) from public.tenant_knowledge k where k.tenant_id = c.tenant_id and k.collection_id = c.id)::int as document_count
         from public.tenant_collections c where c.tenant_id = $1
        order by c.is_default desc, lower(c.name)`,
      [tenantId],
    )
    return { collections: rows.map(toCollection) }
  })
}

/** A new, empty collection; a name the tenant already uses (in any case) is 409. */
export async function addCollection(caller: Acting, tenantId: string, name: string): Promise<Collection> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const taken = await tx.query('select 1 from public.tenant_collections where tenant_id = $1 and lower(name) = lower($2)', [
      tenantId,
      name,
    ])
    if (taken.length > 0) throw new AppError('conflict', `There is already a collection named ${name}.`)
    const [row] = await tx.query<CollectionRow>(
      `insert into public.tenant_collections (tenant_id, name) values ($1, $2)
       returning id, name, is_default, created_at, 0 as document_count`,
      [tenantId, name],
    )
    if (!row) throw new AppError('internal', 'The collection was not stored.')
    await recordAudit(tx, {
      tenantId,
      action: 'collection.add',
      targetType: 'collection',
      targetId: String(row.id),
      after: { name },
      ip: caller.ip,
    })
    return toCollection(row)
  })
}
