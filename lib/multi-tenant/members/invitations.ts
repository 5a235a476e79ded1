import { createHash, randomBytes } from 'node:crypto'
import { getDatabase, withAnon, type Queryable } from '@/lib/db'
import type { Acting } from '@/lib/multi-tenant/access'
import { recordAudit } from '@/lib/multi-tenant/audit'
import type { CreatedInvitation, MemberRole, PendingInvitation } from '@/lib/contracts/members'
import type { AcceptedInvitation } from '@/lib/contracts/auth'

/*
 * Every new member joins through an invitation mailed to their address and accepted by
 * the verified owner of that mailbox. The token is random (256 bits), only its sha-256
 * is stored, and only the mail carries it (the admin who invites never sees it).
 */

export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Inside the admin's withUser transaction; an earlier pending invitation for the address
 * is replaced, so its link stops working. `resend` records the new one as a resend.
 */
export async function createInvitation(
  tx: Queryable,
  input: {
    tenantId: string
    email: string
    role: MemberRole
    invitedBy: string
    ip: string | null
    appOrigin: string
    resend?: boolean
  },
): Promise<CreatedInvitation & { id: string; createdAt: string; acceptUrl: string }> {
  const token = randomBytes(32).toString('base64url')
  await tx.query('delete from public.tenant_invitations where tenant_id = $1 and email = $2 and accepted_at is null', [
    input.tenantId,
    input.email,
  ])
  const rows = await tx.query<{ id: string; expires_at: Date | string; created_at: Date | string }>(
    `insert into public.tenant_invitations (tenant_id, email, role, token_hash, invited_by)
     values ($1, $2, $3, $4, $5) returning id, expires_at, created_at`,
    [input.tenantId, input.email, input.role, invitationTokenHash(token), input.invitedBy],
  )
  const row = rows[0]
  if (!row) throw new Error('the invitation insert returned nothing')
  await recordAudit(tx, {
    tenantId: input.tenantId,
    action: input.resend ? 'member.invite_resend' : 'member.invite',
    targetType: 'invitation',
    targetId: row.id,
    after: { email: input.email, role: input.role },
    ip: input.ip,
  })
  return {
    id: row.id,
    email: input.email,
    role: input.role,
    expiresAt: new Date(row.expires_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    acceptUrl: `${input.appOrigin}/invite/${token}`,
  }
}

type InvitationFacts = { id: string; email: string; role: MemberRole }

/** A tenant's pending invitation by id (RLS: its admins and platform admins). */
export async function findPendingInvitation(tx: Queryable, tenantId: string, id: string): Promise<InvitationFacts | null> {
  const rows = await tx.query<InvitationFacts>(
    'select id, email, role from public.tenant_invitations where tenant_id = $1 and id = $2 and accepted_at is null',
    [tenantId, id],
  )
  return rows[0] ?? null
}

/** Deletes a pending invitation, so its token's hash is gone; null when there was none to delete. */
export async function deletePendingInvitation(tx: Queryable, tenantId: string, id: string): Promise<InvitationFacts | null> {
  const rows = await tx.query<InvitationFacts>(
    `delete from public.tenant_invitations where tenant_id = $1 and id = $2 and accepted_at is null
     returning id, email, role`,
    [tenantId, id],
  )
  return rows[0] ?? null
}

/** Pending, unexpired invitations of a tenant (RLS: its admins and platform admins). */
export async function listPendingInvitations(tx: Queryable, tenantId: string): Promise<PendingInvitation[]> {
  const rows = await tx.query<{ id: string; email: string; role: MemberRole; expires_at: Date; created_at: Date }>(
    `select id, email, role, expires_at, created_at from public.tenant_invitations
     where tenant_id = $1 and accepted_at is null and expires_at > now()
     order by created_at`,
    [tenantId],
  )
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: new Date(row.expires_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
  }))
}

export type InvitationPreview = { tenantName: string; tenantSlug: string; email: string; role: MemberRole; expiresAt: string }

/** What the invite page shows; null for an unknown, used or expired token. */
export async function previewInvitation(token: string): Promise<InvitationPreview | null> {
  const rows = await withAnon(await getDatabase(), {}, (tx) =>
    tx.query<{ tenant_name: string; tenant_slug: string; email: string; role: MemberRole; expires_at: Date }>(
      'select * from app_private.invitation_preview($1)',
      [invitationTokenHash(token)],
    ),
  )
  const row = rows[0]
  if (!row) return null
  return {
    tenantName: row.tenant_name,
    tenantSlug: row.tenant_slug,
    email: row.email,
    role: row.role,
    expiresAt: new Date(row.expires_at).toISOString(),
  }
}

/**
 * The signed-in user accepts. The SQL function checks the token, expiry and that the
 * verified email is the invited one: 404 invalid/expired, 403 another address.
 */
export async function acceptInvitation(caller: Pick<Acting, 'run' | 'ip'>, token: string): Promise<AcceptedInvitation> {
  const rows = await caller.run((tx) =>
    tx.query<{ tenant_id: string; role: MemberRole }>('select * from app_private.accept_tenant_invitation($1, $2)', [
      invitationTokenHash(token),
      caller.ip,
    ]),
  )
  const row = rows[0]
  if (!row) throw new Error('accepting the invitation returned nothing')
  return { tenantId: row.tenant_id, role: row.role }
}
