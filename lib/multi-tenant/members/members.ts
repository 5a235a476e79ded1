import type { AddMemberInput, CreatedInvitation, Member, MemberRole, PendingInvitation } from '@/lib/contracts/members'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { createInvitation, listPendingInvitations } from './invitations'
import { loadTenantForAdmin } from '@/lib/multi-tenant/access'
import { invitationMail } from '@/lib/mail/messages'
import { sendMail } from '@/lib/mail/send'

type MemberRow = { user_id: string; email: string; role: MemberRole; created_at: Date | string }
const toMember = (row: MemberRow): Member => ({
  userId: row.user_id,
  email: row.email,
  role: row.role,
  createdAt: new Date(row.created_at).toISOString(),
})

const memberNotFound = () => new AppError('not_found', 'No such member of this tenant.')
// RLS lets a statement change nothing when the caller stopped being an admin while it ran
// (another admin demoted them at the same moment): that must not read as success.
const changedMeanwhile = () => new AppError('conflict', 'The members of this tenant changed at the same moment; reload and try again.')

/*
 * Every function runs under the caller's claims. loadTenantForAdmin answers 404 for a
 * tenant the caller cannot see and 403 for a member who is not its admin; RLS and the
 * last-admin trigger (409) guard the same rules in the database.
 */

export async function listMembers(caller: Acting, tenantId: string): Promise<{ members: Member[]; invitations: PendingInvitation[] }> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const rows = await tx.query<MemberRow>('select * from app_private.tenant_member_list($1)', [tenantId])
    return { members: rows.map(toMember), invitations: await listPendingInvitations(tx, tenantId) }
  })
}

/**
 * Always an invitation, mailed to the address, whether or not it has an account: the
 * answer is the same either way (no enumeration) and nobody is attached without
 * proving the mailbox. 409 only for someone already a member (the admin sees them
 * listed anyway).
 */
export async function addMember(
  caller: Acting,
  tenantId: string,
  input: AddMemberInput,
  appOrigin: string,
): Promise<{ invitation: CreatedInvitation }> {
  const { invitation, mail } = await caller.run(async (tx) => {
    const { row: tenant } = await loadTenantForAdmin(tx, tenantId)
    // The seat limit is app_private.enforce_member_seats (a trigger on the invitation insert).
    const members = await tx.query<MemberRow>('select * from app_private.tenant_member_list($1) where lower(email) = $2', [
      tenantId,
      input.email,
    ])
    if (members[0]) throw new AppError('conflict', 'That person is already a member of this tenant.')
    const created = await createInvitation(tx, {
      tenantId,
      email: input.email,
      role: input.role,
      invitedBy: String(caller.session?.userId),
      ip: caller.ip,
      appOrigin,
    })
    return {
      invitation: { email: created.email, role: created.role, expiresAt: created.expiresAt },
      mail: invitationMail(input.email, {
        acceptUrl: created.acceptUrl,
        tenantName: tenant.name,
        role: input.role,
        expiresAt: created.expiresAt,
      }),
    }
  })
  await sendMail(mail)
  return { invitation }
}

/**
 * The member is read before the change: an admin stepping down is no longer allowed to
 * list the tenant's members afterwards, and that must not turn their success into a 403.
 */
export async function changeMemberRole(caller: Acting, tenantId: string, userId: string, role: MemberRole): Promise<Member> {
  return caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    if (!isUuid(userId)) throw memberNotFound()
    const before = await tx.query<{ role: MemberRole }>(
      'select role from public.tenant_users where tenant_id = $1 and user_id = $2 for update',
      [tenantId, userId],
    )
    const previous = before[0]?.role
    const listed = await tx.query<MemberRow>('select * from app_private.tenant_member_list($1) where user_id = $2', [tenantId, userId])
    const member = listed[0]
    if (!previous || !member) throw memberNotFound()
    const updated = await tx.query('update public.tenant_users set role = $3 where tenant_id = $1 and user_id = $2 returning role', [
      tenantId,
      userId,
      role,
    ])
    if (updated.length === 0) throw changedMeanwhile()
    if (previous !== role) {
      await recordAudit(tx, {
        tenantId,
        action: 'member.role_change',
        targetType: 'user',
        targetId: userId,
        before: { role: previous },
        after: { role },
        ip: caller.ip,
      })
    }
    return toMember({ ...member, role })
  })
}

/**
 * An admin removes a member; anyone removes themselves (leaves), whatever their role,
 * while another admin remains (the last-admin trigger answers 409 otherwise).
 */
export async function removeMember(caller: Acting, tenantId: string, userId: string): Promise<void> {
  await caller.run(async (tx) => {
    if (!isUuid(userId) || !isUuid(tenantId)) throw memberNotFound()
    if (userId === caller.session?.userId) {
      await tx.query('select app_private.leave_tenant($1, $2)', [tenantId, caller.ip])
      return
    }
    await loadTenantForAdmin(tx, tenantId)
    const current = await tx.query<{ role: MemberRole }>(
      'select role from public.tenant_users where tenant_id = $1 and user_id = $2 for update',
      [tenantId, userId],
    )
    const role = current[0]?.role
    if (!role) throw memberNotFound()
    await recordAudit(tx, {
      tenantId,
      action: 'member.remove',
      targetType: 'user',
      targetId: userId,
      before: { role },
      ip: caller.ip,
    })
    const deleted = await tx.query('delete from public.tenant_users where tenant_id = $1 and user_id = $2 returning role', [
      tenantId,
      userId,
    ])
    if (deleted.length === 0) throw changedMeanwhile()
  })
}
