'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { noContentSchema } from '@/lib/contracts/no-content'

type Proof = 'code' | 'password'

/** Turning two-factor sign-in off needs a current code (or a recovery code), or the password. */
export function TwoFactorDisable({ onDisabled }: { onDisabled: () => void }) {
  const [proof, setProof] = useState<Proof>('code')
  const [value, setValue] = useState('')
  const [error, setError] = useState<ApiError | Error | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await apiFetch('/api/auth/two-factor/disable', noContentSchema, { method: 'POST', json: { [proof]: value } })
      setValue('')
      onDisabled()
    } catch (cause) {
      setError(cause instanceof Error ? cause : new Error(errorMessage(cause)))
    } finally {
      setBusy(false)
    }
  }

  const fieldError = error instanceof ApiError ? error.fields[proof] : undefined
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      {error && !fieldError ? <Alert tone="error">{error.message}</Alert> : null}
      <TextField
        key={proof}
        label={proof === 'code' ? 'Current code or a recovery code' : 'Your password'}
        name={proof === 'code' ? 'code' : 'password'}
        type={proof === 'code' ? 'text' : 'password'}
        inputMode={proof === 'code' ? 'numeric' : undefined}
        autoComplete={proof === 'code' ? 'one-time-code' : 'current-password'}
        required
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={fieldError}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="danger" busy={busy}>
          Turn off two-factor sign-in
        </Button>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setProof(proof === 'code' ? 'password' : 'code')
            setValue('')
            setError(null)
          }}
        >
          {proof === 'code' ? 'Use my password instead' : 'Use a code instead'}
        </Button>
      </div>
    </form>
  )
}
