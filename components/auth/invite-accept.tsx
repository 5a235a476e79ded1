'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { acceptInvitationResponseSchema } from '@/lib/contracts/auth'
import { AuthForm } from './auth-form'

type Props = {
  token: string
  email: string
  /** Where the new member lands: the tenant's site. */
  next: string
  /** The email of whoever is signed in here already, if anyone. */
  signedInAs: string | null
}

/**
 * Accepting an invitation: with the invited account signed in, one click; otherwise
 * create the account (or sign in to it) with the invited address, which accepts too.
 */
export function InviteAccept({ token, email, next, signedInAs }: Props) {
  const [mode, setMode] = useState<'signup' | 'login'>('signup')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (signedInAs && signedInAs.toLowerCase() === email.toLowerCase()) {
    return (
      <div className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button
          busy={busy}
          className="w-full"
          onClick={async () => {
            setBusy(true)
            setError(null)
            try {
              await apiFetch('/api/auth/invitations/accept', acceptInvitationResponseSchema, { method: 'POST', json: { token } })
              window.location.assign(next)
            } catch (cause) {
              setError(errorMessage(cause))
              setBusy(false)
            }
          }}
        >
          Accept the invitation
        </Button>
      </div>
    )
  }

  return (
    <div className="space-y-4">
      {signedInAs ? (
        <Alert tone="info">
          You are signed in as {signedInAs}, but the invitation is for {email}. Continue with {email} below.
        </Alert>
      ) : null}
      <div role="group" aria-label="Account" className="grid grid-cols-2 gap-1 rounded-lg bg-stone-100 p-1 text-sm">
        {(['signup', 'login'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={mode === option}
            onClick={() => setMode(option)}
            className={`rounded-md px-3 py-1.5 font-medium ${mode === option ? 'bg-white text-stone-900 shadow-sm' : 'text-stone-700 hover:text-stone-900'}`}
          >
            {option === 'signup' ? 'I am new here' : 'I have an account'}
          </button>
        ))}
      </div>
      <AuthForm
        key={mode}
        mode={mode}
        next={next}
        email={email}
        inviteToken={token}
        submitLabel={mode === 'signup' ? 'Create account and join' : 'Sign in and join'}
      />
    </div>
  )
}
