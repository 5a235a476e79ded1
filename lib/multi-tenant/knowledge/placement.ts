import type { Queryable } from '@/lib/db'
import type { DocumentAudience, DocumentPlacement, DocumentPlacementInput } from '@/lib/contracts/collections'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { assertCollection } from './documents'

/*
 * Where a tenant document sits (its collection) and who reads it (its audience: every
 * member, admins only, or named groups). The rule that follows from it, which chunks a
 * caller's retrieval may return, is the database's (20261206030500); this only sets it.
 */

type PlacementRow = { id: string; collection_id: string; visibility: DocumentAudience }

const documentNotFound = () => new AppError('not_found', 'No such document.')

async function groupsOf(tx: Queryable, tenantId: string, knowledgeId: string): Promise<string[]> {
  const rows = await tx.query<{ group_id: string }>(
    'select group_id from public.tenant_knowledge_groups where tenant_id = $1 and knowledge_id = $2 order by group_id',
    [tenantId, knowledgeId],
  )
  return rows.map((row) => String(row.group_id))
}

async function setGroups(tx: Queryable, tenantId: string, knowledgeId: string, groupIds: string[]): Promise<void> {
  await tx.query('delete from public.tenant_knowledge_groups where tenant_id = $1 and knowledge_id = $2', [tenantId, knowledgeId])
  if (groupIds.length === 0) return
  const known = await tx.query<{ id: string }>('select id from public.tenant_groups where tenant_id = $1 and id = any ($2::uuid[])', [
    tenantId,
    groupIds,
  ])
  if (known.length !== new Set(groupIds).size) throw new AppError('not_found', 'No such group in this tenant.')
  await tx.query(
    `insert into public.tenant_knowledge_groups (tenant_id, knowledge_id, group_id)
     select $1, $2, g from unnest($3::uuid[]) g on conflict do nothing`,
    [tenantId, knowledgeId, groupIds],
  )
}

export async function placeDocument(
  caller: Acting,
  tenantId: string,
  knowledgeId: string,
  input: DocumentPlacementInput,
): Promise<DocumentPlacement> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    if (!isUuid(knowledgeId)) throw documentNotFound()
    const [before] = await tx.query<PlacementRow>(
      `select id, collection_id, visibility from public.tenant_knowledge
        where tenant_id = $1 and id = $2 and owner_id is null for update`,
      [tenantId, knowledgeId],
    )
    if (!before) throw documentNotFound()
    if (input.collectionId) await assertCollection(tx, tenantId, input.collectionId)
    const [after] = await tx.query<PlacementRow>(
      `update public.tenant_knowledge set collection_id = coalesce($3, collection_id), visibility = coalesce($4, visibility)
        where tenant_id = $1 and id = $2 returning id, collection_id, visibility`,
      [tenantId, knowledgeId, input.collectionId ?? null, input.visibility ?? null],
    )
    if (!after) throw documentNotFound()
    const beforeGroups = await groupsOf(tx, tenantId, knowledgeId)
    if (input.visibility) await setGroups(tx, tenantId, knowledgeId, input.visibility === 'groups' ? (input.groupIds ?? []) : [])
    const placement = {
      id: String(after.id),
      collectionId: String(after.collection_id),
      visibility: after.visibility,
      groupIds: await groupsOf(tx, tenantId, knowledgeId),
    }
    await recordAudit(tx, {
      tenantId,
      action: 'knowledge.place',
      targetType: 'knowledge',
      targetId: knowledgeId,
      before: { collectionId: String(before.collection_id), visibility: before.visibility, groupIds: beforeGroups },
      after: { collectionId: placement.collectionId, visibility: placement.visibility, groupIds: placement.groupIds },
      ip: caller.ip,
    })
    return placement
  })
}
