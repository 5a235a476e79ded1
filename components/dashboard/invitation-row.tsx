'use client'

import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatDateTime } from '@/lib/client/format'
import { invitationResponseSchema, type PendingInvitation } from '@/lib/contracts/members'
import { noContentSchema } from '@/lib/contracts/no-content'

/** `onChanged` reloads the list (a resent invitation comes back with a new id), with a notice to show above it. */
type Props = { tenantId: string; invitation: PendingInvitation; onChanged: (notice: string) => void }

/** A pending invitation with Resend (a new link by mail, the old one dead) and Revoke (behind a confirmation). */
export function InvitationRow({ tenantId, invitation, onChanged }: Props) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState<'resend' | 'revoke' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const path = `/api/admin/tenants/${tenantId}/invitations/${invitation.id}`

  async function act(kind: 'resend' | 'revoke') {
    setBusy(kind)
    setError(null)
    try {
      if (kind === 'resend') {
        await apiFetch(`${path}/resend`, invitationResponseSchema, { method: 'POST' })
        onChanged(`A new invitation was sent to ${invitation.email}; the earlier link no longer works.`)
      } else {
        await apiFetch(path, noContentSchema, { method: 'DELETE' })
        onChanged(`The invitation to ${invitation.email} was revoked; its link no longer works.`)
      }
    } catch (cause) {
      setError(errorMessage(cause))
      setBusy(null)
    }
  }

  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium break-all text-stone-900">{invitation.email}</p>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <Badge>{invitation.role}</Badge> sent {formatDateTime(invitation.createdAt)} · expires {formatDateTime(invitation.expiresAt)}
          </p>
        </div>
        {confirming ? (
          <span className="flex gap-2">
            <Button size="sm" variant="danger" busy={busy === 'revoke'} onClick={() => void act('revoke')}>
              Revoke invitation
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <span className="flex gap-2">
            <Button
              size="sm"
              variant="secondary"
              busy={busy === 'resend'}
              onClick={() => void act('resend')}
              aria-label={`Resend the invitation to ${invitation.email}`}
            >
              Resend
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setConfirming(true)}
              aria-label={`Revoke the invitation to ${invitation.email}`}
            >
              Revoke
            </Button>
          </span>
        )}
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </li>
  )
}
