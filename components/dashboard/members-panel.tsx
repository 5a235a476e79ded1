'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { useApiQuery } from '@/lib/client/use-api-query'
import { InvitationRow } from './invitation-row'
import { InviteMemberForm } from './invite-member-form'
import { MemberRow } from './member-row'
import { memberListResponseSchema } from '@/lib/contracts/members'

export function MembersPanel({ tenantId, currentUserId }: { tenantId: string; currentUserId: string }) {
  const { data: list, error: failure, reload } = useApiQuery(`/api/admin/tenants/${tenantId}/members`, memberListResponseSchema)
  const error = failure?.message ?? null
  const [invitationNotice, setInvitationNotice] = useState<string | null>(null)
  const invitationChanged = (notice: string) => {
    setInvitationNotice(notice)
    reload()
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Invite someone" description="Each person gets an invitation by mail and joins once they accept it." />
        <InviteMemberForm tenantId={tenantId} onAdded={reload} />
      </Card>
      <Card>
        <CardHeader title="Members" description="A tenant always keeps at least one admin." />
        {error ? <Alert tone="error">{error}</Alert> : null}
        {!list && !error ? <p className="text-stone-600">Loading…</p> : null}
        {list && list.members.length === 0 ? <EmptyState title="No members yet">Invite the first admin above.</EmptyState> : null}
        {list && list.members.length > 0 ? (
          <ul className="divide-y divide-stone-200">
            {list.members.map((member) => (
              <MemberRow
                key={member.userId}
                tenantId={tenantId}
                member={member}
                isSelf={member.userId === currentUserId}
                onChanged={reload}
              />
            ))}
          </ul>
        ) : null}
      </Card>
      {invitationNotice ? <Alert tone="success">{invitationNotice}</Alert> : null}
      {list && list.invitations.length > 0 ? (
        <Card>
          <CardHeader
            title="Pending invitations"
            description="Resend mails a new link and ends the old one; a revoked link cannot be used."
          />
          <ul className="divide-y divide-stone-200">
            {list.invitations.map((invitation) => (
              <InvitationRow key={invitation.id} tenantId={tenantId} invitation={invitation} onChanged={invitationChanged} />
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}
