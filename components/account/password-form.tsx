'use client'

import { useId, useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { retryAfterSentence } from '@/lib/client/retry-after'
import { noContentSchema } from '@/lib/contracts/no-content'
import {
  checkPasswordDraft,
  EMPTY_PASSWORD_DRAFT,
  firstInvalidField,
  passwordErrorsFrom,
  type PasswordDraft,
  type PasswordErrors,
  type PasswordField,
} from './password-draft'

type Outcome = { tone: 'success' | 'error'; text: string } | null

/** Changes the password; the API ends every other session, so the parent refreshes the list. */
export function PasswordForm({ email, onChanged }: { email: string; onChanged: () => void }) {
  const idPrefix = useId()
  const [draft, setDraft] = useState<PasswordDraft>(EMPTY_PASSWORD_DRAFT)
  const [errors, setErrors] = useState<PasswordErrors>({})
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [busy, setBusy] = useState(false)
  const idOf = (field: PasswordField) => `${idPrefix}-${field}`

  function showErrors(found: PasswordErrors) {
    setErrors(found)
    const first = firstInvalidField(found)
    if (first) document.getElementById(idOf(first))?.focus()
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setOutcome(null)
    const problems = checkPasswordDraft(draft, email)
    if (firstInvalidField(problems)) return showErrors(problems)
    setErrors({})
    setBusy(true)
    try {
      await apiFetch('/api/auth/password', noContentSchema, {
        method: 'POST',
        json: { currentPassword: draft.currentPassword, newPassword: draft.newPassword },
      })
      setDraft(EMPTY_PASSWORD_DRAFT)
      setOutcome({ tone: 'success', text: 'Your password has been changed. Every other session has been signed out.' })
      onChanged()
    } catch (cause) {
      const fromApi = cause instanceof ApiError ? passwordErrorsFrom(cause) : {}
      showErrors(fromApi)
      if (!firstInvalidField(fromApi)) {
        const wait = cause instanceof ApiError && cause.status === 429 ? ` ${retryAfterSentence(cause.retryAfterSeconds)}` : ''
        setOutcome({ tone: 'error', text: `${errorMessage(cause)}${wait}` })
      }
    } finally {
      setBusy(false)
    }
  }

  const field = (name: PasswordField) => ({
    id: idOf(name),
    type: 'password',
    value: draft[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => {
      setDraft((current) => ({ ...current, [name]: event.target.value }))
      setErrors((current) => ({ ...current, [name]: undefined }))
    },
  })

  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Current password" name="current-password" autoComplete="current-password" required {...field('currentPassword')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="New password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not your email address.`}
          {...field('newPassword')}
        />
        <TextField label="Repeat new password" name="repeat-password" autoComplete="new-password" required {...field('repeatPassword')} />
      </div>
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      <Button type="submit" busy={busy} className="w-full sm:w-auto">
        Change password
      </Button>
    </form>
  )
}
