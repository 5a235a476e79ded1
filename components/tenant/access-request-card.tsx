'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextArea } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { formatDateTime } from '@/lib/client/format'
import { accessRequestResponseSchema, type AccessRequest } from '@/lib/contracts/requests'

type Props = {
  slug: string
  tenantName: string
  email: string
  /** The signed-in person's latest request to join, if any. */
  request: AccessRequest | null
  /** A restricted tenant admits nobody but by invitation or an approved request. */
  restricted: boolean
}

/**
 * What a signed-in non-member sees instead of the chat: a way to ask the tenant's admins
 * for access with a message, then the request's state (pending, or declined with the
 * admins' note and a way to ask again).
 */
export function AccessRequestCard({ slug, tenantName, email, request: initial, restricted }: Props) {
  const [request, setRequest] = useState(initial)
  const [asking, setAsking] = useState(initial === null || initial.status === 'approved')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const fields = error instanceof ApiError ? error.fields : {}

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const filed = await apiFetch(`/api/tenant/${slug}/access-requests`, accessRequestResponseSchema, {
        method: 'POST',
        json: { message },
      })
      setRequest(filed.request)
      setAsking(false)
      setMessage('')
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="access-request-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-6">
      <div>
        <h1 id="access-request-title" className="text-xl font-semibold text-stone-900">
          {`You are not a member of ${tenantName} yet`}
        </h1>
        <p className="mt-1 text-sm text-stone-600">
          You are signed in as <span className="font-medium break-all text-stone-800">{email}</span>.{' '}
          {restricted
            ? 'Its assistant is restricted: only people its administrators approve or invite may use it.'
            : 'Its administrators decide who may use its assistant; they can also invite you by mail.'}
        </p>
      </div>

      {request?.status === 'pending' && !asking ? (
        <Alert tone="info" title="Request pending">
          You asked on {formatDateTime(request.createdAt)}. The administrators of {tenantName} will decide; you will get a mail, and this
          page shows their answer.
        </Alert>
      ) : null}

      {request?.status === 'rejected' && !asking ? (
        <Alert tone="warning" title="Your request was declined">
          {request.decisionNote ? <p>Their note: “{request.decisionNote}”</p> : <p>The administrators gave no reason.</p>}
          <Button size="sm" variant="secondary" className="mt-3" onClick={() => setAsking(true)}>
            Ask again
          </Button>
        </Alert>
      ) : null}

      {asking ? (
        <form onSubmit={submit} className="space-y-3" noValidate>
          <TextArea
            label="Message to the administrators"
            name="message"
            rows={3}
            required
            maxLength={2000}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            hint="Who you are and why you would like access."
            error={fields.message}
          />
          {error && !fields.message ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
          <Button type="submit" busy={busy}>
            Request access
          </Button>
        </form>
      ) : null}
    </section>
  )
}
