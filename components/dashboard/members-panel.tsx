'use client'

import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { formatDateTime } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { InviteMemberForm } from './invite-member-form'
import { MemberRow } from './member-row'
import { memberListResponseSchema } from '@/lib/contracts/members'

export function MembersPanel({ tenantId, currentUserId }: { tenantId: string; currentUserId: string }) {
  const { data: list, error: failure, reload } = useApiQuery(`/api/admin/tenants/${tenantId}/members`, memberListResponseSchema)
  const error = failure?.message ?? null

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
      {list && list.invitations.length > 0 ? (
        <Card>
          <CardHeader title="Pending invitations" />
          <ul className="divide-y divide-stone-200">
            {list.invitations.map((invitation) => (
              <li key={invitation.id ?? invitation.email} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <span className="font-medium break-all text-stone-900">{invitation.email}</span>
                <span className="flex items-center gap-2 text-sm text-stone-600">
                  <Badge>{invitation.role}</Badge> expires {formatDateTime(invitation.expiresAt)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}
