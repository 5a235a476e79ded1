'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { twoFactorEnableResponseSchema, twoFactorSetupResponseSchema, type TwoFactorSetup } from '@/lib/contracts/two-factor'
import { QrCode } from './qr-code'
import { RecoveryCodes } from './recovery-codes'

/** Set-up in three steps: a new key (QR code and text), the first code from the app, the recovery codes. */
export function TwoFactorSetupFlow({ onEnabled }: { onEnabled: () => void }) {
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null)
  const [code, setCode] = useState('')
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const [error, setError] = useState<ApiError | Error | null>(null)
  const [busy, setBusy] = useState(false)

  async function act(work: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (cause) {
      setError(cause instanceof Error ? cause : new Error(errorMessage(cause)))
    } finally {
      setBusy(false)
    }
  }

  const start = () =>
    act(async () => {
      setSetup(await apiFetch('/api/auth/two-factor/setup', twoFactorSetupResponseSchema, { method: 'POST' }))
      setCode('')
    })

  const confirm = (event: FormEvent) => {
    event.preventDefault()
    return act(async () => {
      const answer = await apiFetch('/api/auth/two-factor/enable', twoFactorEnableResponseSchema, { method: 'POST', json: { code } })
      setRecoveryCodes(answer.recoveryCodes)
    })
  }

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onEnabled} />
  const codeError = error instanceof ApiError ? error.fields.code : undefined
  const topError = error && !codeError ? <Alert tone="error">{error.message}</Alert> : null

  if (!setup) {
    return (
      <div className="space-y-3">
        {topError}
        <Button onClick={start} busy={busy}>
          Set up two-factor sign-in
        </Button>
      </div>
    )
  }
  return (
    <form method="post" onSubmit={confirm} className="space-y-4" noValidate>
      <p className="text-sm text-stone-700">
        Scan the code with an authenticator app (or type the key into it), then enter the 6-digit code it shows.
      </p>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <QrCode text={setup.otpauthUrl} label="QR code of the key for your authenticator app" />
        <div className="min-w-0 text-sm">
          <p className="font-medium text-stone-800">Key</p>
          <p className="font-mono break-all text-stone-900" data-testid="two-factor-secret">
            {setup.secret}
          </p>
        </div>
      </div>
      {topError}
      <TextField
        label="Code from the app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={codeError}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={busy}>
          Turn on
        </Button>
        <Button variant="secondary" onClick={start} disabled={busy}>
          New key
        </Button>
      </div>
    </form>
  )
}
