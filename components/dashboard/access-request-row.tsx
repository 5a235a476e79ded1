'use client'

import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatDateTime } from '@/lib/client/format'
import { TENANT_ROLES, type TenantRole as Role } from '@/lib/auth/roles'
import { accessRequestResponseSchema, type AccessRequest } from '@/lib/contracts/requests'

type Props = { slug: string; request: AccessRequest; onDecided: (notice: string) => void }

/** A pending request to join: approve with a role, or reject with a note for the requester. */
export function AccessRequestRow({ slug, request, onDecided }: Props) {
  const roleId = useId()
  const [role, setRole] = useState<Role>('user')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function decide(decision: 'approve' | 'reject') {
    setBusy(decision)
    setError(null)
    try {
      const json =
        decision === 'approve' ? { decision, role, ...(note.trim() ? { note } : {}) } : { decision, ...(note.trim() ? { note } : {}) }
      await apiFetch(`/api/tenant/${slug}/access-requests/${request.id}/decision`, accessRequestResponseSchema, { method: 'POST', json })
      onDecided(decision === 'approve' ? `${request.email} is now a member (${role}).` : `The request of ${request.email} was rejected.`)
    } catch (cause) {
      setError(errorMessage(cause))
      setBusy(null)
    }
  }

  return (
    <li className="space-y-3 py-4">
      <div>
        <p className="font-medium break-all text-stone-900">{request.email}</p>
        <p className="text-sm text-stone-600">Asked {formatDateTime(request.createdAt)}</p>
        <blockquote className="mt-2 border-l-2 border-stone-300 pl-3 text-sm whitespace-pre-wrap text-stone-800">
          {request.message}
        </blockquote>
      </div>
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr] sm:items-end">
        <div>
          <label htmlFor={roleId} className="mb-1 block text-sm font-medium text-stone-800">
            Role if approved<span className="sr-only"> ({request.email})</span>
          </label>
          <select
            id={roleId}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            className="block h-10.5 w-full rounded-lg border border-stone-300 bg-white px-3 text-stone-900"
          >
            {TENANT_ROLES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={`Note to ${request.email}`}
          value={note}
          maxLength={2000}
          onChange={(event) => setNote(event.target.value)}
          hint="Optional; sent with the decision."
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          busy={busy === 'approve'}
          disabled={busy !== null}
          onClick={() => void decide('approve')}
          aria-label={`Approve ${request.email}`}
        >
          Approve
        </Button>
        <Button
          size="sm"
          variant="secondary"
          busy={busy === 'reject'}
          disabled={busy !== null}
          onClick={() => void decide('reject')}
          aria-label={`Reject ${request.email}`}
        >
          Reject
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </li>
  )
}
