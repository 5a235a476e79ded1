import type { UpdateMemberInput } from '@/lib/contracts/tiers'
import type { Member } from '@/lib/contracts/members'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import { loadTenantForAdmin, type Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { changeMemberRole } from '@/lib/multi-tenant/members'
import { tierNotFound } from './tiers'

const memberNotFound = () => new AppError('not_found', 'No such member of this tenant.')

/** Puts a member in a tier (null: none), audited; an unknown or foreign tier is 404. */
export async function assignTier(caller: Acting, tenantId: string, userId: string, tierId: string | null): Promise<string | null> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    if (!isUuid(userId)) throw memberNotFound()
    if (tierId !== null) {
      const tier = await tx.query('select 1 from public.tenant_member_tiers where tenant_id = $1 and id = $2', [tenantId, tierId])
      if (tier.length === 0) throw tierNotFound()
    }
    const before = await tx.query<{ tier_id: string | null }>(
      'select tier_id from public.tenant_users where tenant_id = $1 and user_id = $2 for update',
      [tenantId, userId],
    )
    if (!before[0]) throw memberNotFound()
    const previous = before[0].tier_id
    if (previous === tierId) return tierId
    const updated = await tx.query('update public.tenant_users set tier_id = $3 where tenant_id = $1 and user_id = $2 returning tier_id', [
      tenantId,
      userId,
      tierId,
    ])
    if (updated.length === 0) throw memberNotFound()
    await recordAudit(tx, {
      tenantId,
      action: 'member.tier_change',
      targetType: 'user',
      targetId: userId,
      before: { tierId: previous },
      after: { tierId },
      ip: caller.ip,
    })
    return tierId
  })
}

/**
 * PUT /members/[userId]: the tier, then the role (the members feature's own change, with
 * its last-admin rule), each in its own transaction; an admin stepping down still gets
 * the tier they set.
 */
export async function updateMembership(
  caller: Acting,
  tenantId: string,
  userId: string,
  input: UpdateMemberInput,
): Promise<Member & { tierId: string | null }> {
  const tierId =
    input.tierId !== undefined ? await assignTier(caller, tenantId, userId, input.tierId) : await currentTier(caller, tenantId, userId)
  const member = input.role ? await changeMemberRole(caller, tenantId, userId, input.role) : await readMember(caller, tenantId, userId)
  return { ...member, tierId }
}

async function currentTier(caller: Acting, tenantId: string, userId: string): Promise<string | null> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    if (!isUuid(userId)) throw memberNotFound()
    const rows = await tx.query<{ tier_id: string | null }>(
      'select tier_id from public.tenant_users where tenant_id = $1 and user_id = $2',
      [tenantId, userId],
    )
    return rows[0]?.tier_id ?? null
  })
}

async function readMember(caller: Acting, tenantId: string, userId: string): Promise<Member> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<{ user_id: string; email: string; role: Member['role']; created_at: Date | string }>(
      'select * from app_private.tenant_member_list($1) where user_id = $2',
      [tenantId, userId],
    )
    const row = rows[0]
    if (!row) throw memberNotFound()
    return { userId: row.user_id, email: row.email, role: row.role, createdAt: new Date(row.created_at).toISOString() }
  })
}
