import type { Queryable } from '@/lib/db'
import type { Share, ShareCreate, ShareGrantee, ShareList, ShareResourceType } from '@/lib/contracts/shares'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'

/*
 * Shares under the caller's RLS (20261206030400). The database is the rule: a share names
 * only what its owner owns, in the owner's tenant, for a grantee of that tenant (foreign
 * keys carrying tenant_id and owner); this module turns its refusals into clear answers.
 */

type ShareRow = {
  id: string
  resource_type: ShareResourceType
  resource_id: string
  resource_title: string | null
  grantee_user_id: string | null
  grantee_group_id: string | null
  grantee_tenant: boolean
  owner_id: string
  created_at: Date | string
}

const SHARE_COLUMNS = `s.id, s.resource_type, coalesce(s.document_id, s.advisor_id, s.conversation_id) as resource_id,
  coalesce(
    (select k.title from public.tenant_knowledge k where k.tenant_id = s.tenant_id and k.id = s.document_id),
    (select a.name from public.tenant_advisors a where a.tenant_id = s.tenant_id and a.id = s.advisor_id),
    (select c.title from public.tenant_conversations c where c.tenant_id = s.tenant_id and c.id = s.conversation_id)
  ) as resource_title,
  s.grantee_user_id, s.grantee_group_id, s.grantee_tenant, s.owner_id, s.created_at`

function granteeOf(row: ShareRow): ShareGrantee {
  if (row.grantee_user_id) return { userId: String(row.grantee_user_id) }
  if (row.grantee_group_id) return { groupId: String(row.grantee_group_id) }
  return { tenant: true }
}

const toShare = (row: ShareRow): Share => ({
  id: String(row.id),
  resourceType: row.resource_type,
  resourceId: String(row.resource_id),
  resourceTitle: row.resource_title ?? '',
  grantee: granteeOf(row),
  ownerId: String(row.owner_id),
  createdAt: new Date(row.created_at).toISOString(),
})

const RESOURCE_COLUMN: Record<ShareResourceType, string> = {
  document: 'document_id',
  advisor: 'advisor_id',
  conversation: 'conversation_id',
}

function refusal(error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code
  if (code === '23503') {
    throw new AppError('not_found', 'Nothing of yours has that id here, or the grantee is not in this tenant.', { cause: error })
  }
  if (code === '23505') throw new AppError('conflict', 'It is already shared with them.', { cause: error })
  if (code === '23514') throw new AppError('bad_request', 'You cannot share something with yourself.', { cause: error })
  throw error
}

async function readShare(tx: Queryable, tenantId: string, id: string): Promise<ShareRow | undefined> {
  const [row] = await tx.query<ShareRow>(`select ${SHARE_COLUMNS} from public.tenant_shares s where s.tenant_id = $1 and s.id = $2`, [
    tenantId,
    id,
  ])
  return row
}

export async function createShare(caller: Acting, tenantId: string, input: ShareCreate): Promise<Share> {
  const { grantee } = input
  return caller.run(async (tx) => {
    const [created] = await tx
      .query<{ id: string }>(
        `insert into public.tenant_shares (tenant_id, resource_type, ${RESOURCE_COLUMN[input.resourceType]},
           grantee_user_id, grantee_group_id, grantee_tenant)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [
          tenantId,
          input.resourceType,
          input.resourceId,
          'userId' in grantee ? grantee.userId : null,
          'groupId' in grantee ? grantee.groupId : null,
          'tenant' in grantee,
        ],
      )
      .catch(refusal)
    const row = created ? await readShare(tx, tenantId, created.id) : undefined
    if (!row) throw new AppError('internal', 'The share was not stored.')
    return toShare(row)
  })
}

export async function listShares(caller: Acting, tenantId: string): Promise<ShareList> {
  const rows = await caller.run((tx) =>
    tx.query<ShareRow>(`select ${SHARE_COLUMNS} from public.tenant_shares s where s.tenant_id = $1 order by s.created_at desc, s.id`, [
      tenantId,
    ]),
  )
  const userId = caller.session?.userId
  const shares = rows.map(toShare)
  return {
    mine: shares.filter((share) => share.ownerId === userId),
    sharedWithMe: shares.filter((share) => share.ownerId !== userId),
  }
}

/** Revoking: the grantees lose it at once (every read goes through the share). 404 unless it is the caller's. */
export async function removeShare(caller: Acting, tenantId: string, id: string): Promise<void> {
  const removed = isUuid(id)
    ? await caller.run((tx) =>
        tx.query('delete from public.tenant_shares where tenant_id = $1 and id = $2 and owner_id = (select auth.uid()) returning id', [
          tenantId,
          id,
        ]),
      )
    : []
  if (removed.length === 0) throw new AppError('not_found', 'No such share of yours.')
}
