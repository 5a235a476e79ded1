'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { retryAfterSentence } from '@/lib/client/retry-after'

type Props = {
  mode: 'login' | 'signup'
  /** Where to go once signed in (a path on this site). */
  next: string
  /** Pre-filled and locked, e.g. the address an invitation was sent to. */
  email?: string
  /** Signing in or up through an invitation accepts it in the same request. */
  inviteToken?: string
  submitLabel?: string
}

/**
 * Email + password against the auth routes. On success the page is reloaded at `next`
 * so server components render with the new session cookie.
 */
export function AuthForm({ mode, next, email: fixedEmail, inviteToken, submitLabel }: Props) {
  const [email, setEmail] = useState(fixedEmail ?? '')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | Error | null>(null)
  const fields = error instanceof ApiError ? error.fields : {}

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await apiFetch(`/api/auth/${mode}`, { method: 'POST', json: { email, password, ...(inviteToken ? { inviteToken } : {}) } })
      window.location.assign(next)
    } catch (cause) {
      setError(cause instanceof Error ? cause : new Error(errorMessage(cause)))
      setBusy(false)
    }
  }

  const topError = error && !fields.email && !fields.password ? error : null
  return (
    // POST, so that a submit before the page is interactive never puts credentials in a URL.
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      {topError ? (
        <Alert tone="error">
          {topError.message}
          {topError instanceof ApiError && topError.status === 429 ? ` ${retryAfterSentence(topError.retryAfterSeconds)}` : null}
        </Alert>
      ) : null}
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        readOnly={fixedEmail !== undefined}
        onChange={(event) => setEmail(event.target.value)}
        error={fields.email}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
        required
        minLength={mode === 'signup' ? 10 : undefined}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint={mode === 'signup' ? 'At least 10 characters, and not your email address.' : undefined}
        error={fields.password}
      />
      <Button type="submit" busy={busy} className="w-full">
        {submitLabel ?? (mode === 'login' ? 'Sign in' : 'Create account')}
      </Button>
    </form>
  )
}
