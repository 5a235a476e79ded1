import type { PendingInvitation } from '@/lib/contracts/members'
import { isUuid } from '@/lib/contracts/ids'
import { AppError } from '@/lib/errors'
import type { Acting } from '@/lib/multi-tenant/access'
import { loadTenantForAdmin } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import { invitationMail } from '@/lib/mail/messages'
import { sendMail } from '@/lib/mail/send'
import { createInvitation, deletePendingInvitation, findPendingInvitation } from './invitations'

/*
 * An admin takes back or sends again a pending invitation. Both end the old link: its
 * token's hash leaves the table, so accepting it answers 404 like any unknown token.
 * 404 also for an id of another tenant, an accepted invitation or no invitation at all.
 */

const invitationNotFound = () => new AppError('not_found', 'No pending invitation with that id.')

export async function revokeInvitation(caller: Acting, tenantId: string, invitationId: string): Promise<void> {
  await caller.run(async (tx) => {
    await loadTenantForAdmin(tx, tenantId)
    const invitation = isUuid(invitationId) ? await deletePendingInvitation(tx, tenantId, invitationId) : null
    if (!invitation) throw invitationNotFound()
    await recordAudit(tx, {
      tenantId,
      action: 'member.invite_revoke',
      targetType: 'invitation',
      targetId: invitation.id,
      before: { email: invitation.email, role: invitation.role },
      ip: caller.ip,
    })
  })
}

/** A fresh token (and a fresh week) mailed to the same address with the same role; the new invitation has a new id. */
export async function resendInvitation(
  caller: Acting,
  tenantId: string,
  invitationId: string,
  appOrigin: string,
): Promise<PendingInvitation> {
  const { invitation, mail } = await caller.run(async (tx) => {
    const { row: tenant } = await loadTenantForAdmin(tx, tenantId)
    const pending = isUuid(invitationId) ? await findPendingInvitation(tx, tenantId, invitationId) : null
    if (!pending) throw invitationNotFound()
    const created = await createInvitation(tx, {
      tenantId,
      email: pending.email,
      role: pending.role,
      invitedBy: String(caller.session?.userId),
      ip: caller.ip,
      appOrigin,
      resend: true,
    })
    return {
      invitation: { id: created.id, email: created.email, role: created.role, expiresAt: created.expiresAt, createdAt: created.createdAt },
      mail: invitationMail(created.email, {
        acceptUrl: created.acceptUrl,
        tenantName: tenant.name,
        role: created.role,
        expiresAt: created.expiresAt,
      }),
    }
  })
  await sendMail(mail)
  return invitation
}
