'use client'

import Link from 'next/link'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { TextArea } from '@/components/ui/field'
import { describeResourceRequest } from '@/components/dashboard/resource-request-text'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { formatDateTime } from '@/lib/client/format'
import { resourceRequestResponseSchema, type ResourceRequest } from '@/lib/contracts/requests'

type Props = { request: ResourceRequest; onDecided: (notice: string) => void }

/** A pending resource request in the console: what, for whom and why; approve or reject with a note. */
export function ResourceRequestDecision({ request, onDecided }: Props) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null)
  const [error, setError] = useState<unknown>(null)
  const what = describeResourceRequest(request)
  const noteError = error instanceof ApiError ? error.fields.note : undefined

  async function decide(decision: 'approve' | 'reject') {
    setBusy(decision)
    setError(null)
    try {
      await apiFetch(`/api/admin/resource-requests/${request.id}/decision`, resourceRequestResponseSchema, {
        method: 'POST',
        json: { decision, note },
      })
      onDecided(`${request.tenantName}: ${what} ${decision === 'approve' ? 'approved and applied' : 'rejected'}.`)
    } catch (cause) {
      setError(cause)
      setBusy(null)
    }
  }

  return (
    <li className="space-y-3 py-4">
      <div className="min-w-0">
        <p className="flex flex-wrap items-baseline gap-x-2 font-medium text-stone-900">
          <Link href={`/admin/tenants/${request.tenantId}`} className="text-indigo-800 underline underline-offset-2">
            {request.tenantName}
          </Link>
          <span>{what}</span>
        </p>
        <p className="text-sm break-all text-stone-600">
          Asked by {request.requesterEmail ?? 'a former admin'} · {formatDateTime(request.createdAt)}
        </p>
        <blockquote className="mt-2 border-l-2 border-stone-300 pl-3 text-sm whitespace-pre-wrap text-stone-800">
          {request.reason}
        </blockquote>
      </div>
      <TextArea
        label={`Note to ${request.tenantName} on ${what.toLowerCase()}`}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        hint="Sent to the requester with the decision."
        error={noteError}
      />
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          busy={busy === 'approve'}
          disabled={busy !== null}
          onClick={() => void decide('approve')}
          aria-label={`Approve ${what} for ${request.tenantName}`}
        >
          Approve
        </Button>
        <Button
          size="sm"
          variant="secondary"
          busy={busy === 'reject'}
          disabled={busy !== null}
          onClick={() => void decide('reject')}
          aria-label={`Reject ${what} for ${request.tenantName}`}
        >
          Reject
        </Button>
      </div>
      {error && !noteError ? (
        <p role="alert" className="text-sm text-red-800">
          {errorMessage(error)}
        </p>
      ) : null}
    </li>
  )
}
