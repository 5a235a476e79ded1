'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { retryAfterSentence } from '@/lib/client/retry-after'
import { loginResponseSchema, resendVerificationResponseSchema, signupResponseSchema } from '@/lib/contracts/auth'

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

/** Signs in or up; a sign-up may wait for the link mailed to the address. */
async function authenticate(mode: Props['mode'], json: Record<string, string>): Promise<{ confirmationRequired: boolean }> {
  if (mode === 'signup') return apiFetch('/api/auth/signup', signupResponseSchema, { method: 'POST', json })
  await apiFetch('/api/auth/login', loginResponseSchema, { method: 'POST', json })
  return { confirmationRequired: false }
}

/**
 * Email + password against the auth routes. A sign-in reloads the page at `next` so
 * server components render with the new session cookie; a sign-up asks the person to
 * open the link mailed to them, and a sign-in before that offers to send it again.
 */
export function AuthForm({ mode, next, email: fixedEmail, inviteToken, submitLabel }: Props) {
  const [email, setEmail] = useState(fixedEmail ?? '')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | Error | null>(null)
  const [mailedTo, setMailedTo] = useState<string | null>(null)
  // Shown once the right password met an account with two-factor sign-in (401 two_factor_required).
  const [needsCode, setNeedsCode] = useState(false)
  const [code, setCode] = useState('')
  const fields = error instanceof ApiError ? error.fields : {}

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const result = await authenticate(mode, {
        email,
        password,
        ...(needsCode && code.trim() ? { code } : {}),
        ...(inviteToken ? { inviteToken } : {}),
      })
      if (result.confirmationRequired) {
        setMailedTo(email.trim())
        setBusy(false)
        return
      }
      window.location.assign(next)
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'two_factor_required') setNeedsCode(true)
      setError(cause instanceof Error ? cause : new Error(errorMessage(cause)))
      setBusy(false)
    }
  }

  async function resend() {
    setBusy(true)
    setError(null)
    try {
      await apiFetch('/api/auth/verify-email/resend', resendVerificationResponseSchema, { method: 'POST', json: { email } })
      setMailedTo(email.trim())
    } catch (cause) {
      setError(cause instanceof Error ? cause : new Error(errorMessage(cause)))
    } finally {
      setBusy(false)
    }
  }

  if (mailedTo) {
    return (
      <Alert tone="success" title="Check your mail">
        We sent a message to {mailedTo}. Open the link in it to verify your address, then sign in. (If the address already has an account,
        the message says so.)
      </Alert>
    )
  }

  const unverified = error instanceof ApiError && error.code === 'email_unverified'
  const topError = error && !fields.email && !fields.password && !fields.code ? error : null
  const asksForCode = topError instanceof ApiError && topError.code === 'two_factor_required'
  return (
    // POST, so that a submit before the page is interactive never puts credentials in a URL.
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      {topError ? (
        <Alert tone={asksForCode ? 'info' : 'error'}>
          {topError.message}
          {topError instanceof ApiError && topError.status === 429 ? ` ${retryAfterSentence(topError.retryAfterSeconds)}` : null}
          {unverified ? (
            <Button variant="secondary" size="sm" className="mt-2" busy={busy} onClick={resend}>
              Send the link again
            </Button>
          ) : null}
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
      {needsCode ? (
        <TextField
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          error={fields.code}
        />
      ) : null}
      <Button type="submit" busy={busy} className="w-full">
        {submitLabel ?? (mode === 'login' ? 'Sign in' : 'Create account')}
      </Button>
    </form>
  )
}
