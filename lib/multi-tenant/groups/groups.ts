import type { Queryable } from '@/lib/db'
import type { Group, GroupList } from '@/lib/contracts/groups'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'

/*
 * Groups of a tenant's members, kept by its admins under RLS (20261206030100). A member
 * is in a group only while a member of the tenant (the foreign key cascades).
 */

type GroupRow = { id: string; name: string; member_ids: string[] | null; created_at: Date | string }

const toGroup = (row: GroupRow): Group => ({
  id: String(row.id),
  name: row.name,
  memberIds: (row.member_ids ?? []).map(String),
  createdAt: new Date(row.created_at).toISOString(),
})

const groupNotFound = () => new AppError('not_found', 'No such group in this tenant.')

const GROUP_COLUMNS = `g.id, g.name, g.created_at,
  array(select m.user_id from public.tenant_group_members m where m.group_id = g.id order by m.user_id) as member_ids`

async function readGroup(tx: Queryable, tenantId: string, groupId: string): Promise<Group> {
  const [row] = isUuid(groupId)
    ? await tx.query<GroupRow>(`select ${GROUP_COLUMNS} from public.tenant_groups g where g.tenant_id = $1 and g.id = $2`, [
        tenantId,
        groupId,
      ])
    : []
  if (!row) throw groupNotFound()
  return toGroup(row)
}

async function assertNameFree(tx: Queryable, tenantId: string, name: string, except: string | null = null): Promise<void> {
  const taken = await tx.query(
    'select 1 from public.tenant_groups where tenant_id = $1 and lower(name) = lower($2) and id is distinct from $3::uuid',
    [tenantId, name, except],
  )
  if (taken.length > 0) throw new AppError('conflict', `There is already a group named ${name}.`)
}

export async function listGroups(caller: Acting, tenantId: string): Promise<GroupList> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<GroupRow>(
      `select ${GROUP_COLUMNS} from public.tenant_groups g where g.tenant_id = $1 order by lower(g.name)`,
      [tenantId],
    )
    return { groups: rows.map(toGroup) }
  })
}

export async function addGroup(caller: Acting, tenantId: string, name: string): Promise<Group> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    await assertNameFree(tx, tenantId, name)
    const [row] = await tx.query<GroupRow>(
      `insert into public.tenant_groups (tenant_id, name) values ($1, $2) returning id, name, created_at, '{}'::uuid[] as member_ids`,
      [tenantId, name],
    )
    if (!row) throw new AppError('internal', 'The group was not stored.')
    await recordAudit(tx, { tenantId, action: 'group.add', targetType: 'group', targetId: String(row.id), after: { name }, ip: caller.ip })
    return toGroup(row)
  })
}

export async function renameGroup(caller: Acting, tenantId: string, groupId: string, name: string): Promise<Group> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const before = await readGroup(tx, tenantId, groupId)
    await assertNameFree(tx, tenantId, name, groupId)
    await tx.query('update public.tenant_groups set name = $3 where tenant_id = $1 and id = $2', [tenantId, groupId, name])
    await recordAudit(tx, {
      tenantId,
      action: 'group.update',
      targetType: 'group',
      targetId: groupId,
      before: { name: before.name },
      after: { name },
      ip: caller.ip,
    })
    return { ...before, name }
  })
}

/** Its members lose what was given to the group (documents, advisors, shares) at once. */
export async function removeGroup(caller: Acting, tenantId: string, groupId: string): Promise<void> {
  await caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const before = await readGroup(tx, tenantId, groupId)
    await tx.query('delete from public.tenant_groups where tenant_id = $1 and id = $2', [tenantId, groupId])
    await recordAudit(tx, {
      tenantId,
      action: 'group.delete',
      targetType: 'group',
      targetId: groupId,
      before: { name: before.name },
      ip: caller.ip,
    })
  })
}

/** Adds a member of the tenant (404 for anyone else); adding someone already in it changes nothing. */
export async function addGroupMember(caller: Acting, tenantId: string, groupId: string, userId: string): Promise<Group> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    await readGroup(tx, tenantId, groupId)
    const member = await tx.query('select 1 from public.tenant_users where tenant_id = $1 and user_id = $2', [tenantId, userId])
    if (member.length === 0) throw new AppError('not_found', 'No such member in this tenant.')
    const added = await tx.query(
      `insert into public.tenant_group_members (tenant_id, group_id, user_id) values ($1, $2, $3)
       on conflict do nothing returning user_id`,
      [tenantId, groupId, userId],
    )
    if (added.length > 0) {
      await recordAudit(tx, {
        tenantId,
        action: 'group.member_add',
        targetType: 'group',
        targetId: groupId,
        after: { userId },
        ip: caller.ip,
      })
    }
    return readGroup(tx, tenantId, groupId)
  })
}

export async function removeGroupMember(caller: Acting, tenantId: string, groupId: string, userId: string): Promise<Group> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    await readGroup(tx, tenantId, groupId)
    const removed = await tx.query(
      'delete from public.tenant_group_members where tenant_id = $1 and group_id = $2 and user_id = $3 returning user_id',
      [tenantId, groupId, userId],
    )
    if (removed.length === 0) throw new AppError('not_found', 'That member is not in this group.')
    await recordAudit(tx, {
      tenantId,
      action: 'group.member_remove',
      targetType: 'group',
      targetId: groupId,
      before: { userId },
      ip: caller.ip,
    })
    return readGroup(tx, tenantId, groupId)
  })
}
