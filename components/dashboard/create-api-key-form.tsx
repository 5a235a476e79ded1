'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { API_KEY_SCOPES, createdApiKeyResponseSchema, type ApiKeyScope, type CreatedApiKey } from '@/lib/contracts/api-keys'

const SCOPE_HINTS: Record<ApiKeyScope, string> = {
  chat: 'ask the assistant (chat completions, models)',
  'knowledge:read': 'search the knowledge',
  'knowledge:write': 'add knowledge',
  'usage:read': 'read usage',
}

/** Names a key, picks its scopes and an optional expiry day; shows the secret the one time it exists. */
export function CreateApiKeyForm({ tenantId, onCreated }: { tenantId: string; onCreated: () => void }) {
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['chat'])
  const [expiresOn, setExpiresOn] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [created, setCreated] = useState<CreatedApiKey | null>(null)
  const fields = error instanceof ApiError ? error.fields : {}

  const toggle = (scope: ApiKeyScope) =>
    setScopes((current) => (current.includes(scope) ? current.filter((item) => item !== scope) : [...current, scope]))

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setCreated(null)
    try {
      // The end of the chosen day, in the admin's own time zone.
      const expiresAt = expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : null
      setCreated(
        await apiFetch(`/api/admin/tenants/${tenantId}/api-keys`, createdApiKeyResponseSchema, {
          method: 'POST',
          json: { name, scopes, expiresAt },
        }),
      )
      setName('')
      onCreated()
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="space-y-3" noValidate>
        <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
          <TextField
            label="Name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={fields.name}
            hint="Where the key is used, e.g. “Website”."
          />
          <TextField
            label="Expires on (optional)"
            type="date"
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.target.value)}
            error={fields.expiresAt}
          />
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-stone-800">Scopes</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm text-stone-800">
                <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} />
                <span className="font-mono">{scope}</span>
                <span className="text-stone-600">: {SCOPE_HINTS[scope]}</span>
              </label>
            ))}
          </div>
          {fields.scopes ? <p className="mt-1 text-sm text-red-700">{fields.scopes}</p> : null}
        </fieldset>
        <Button type="submit" busy={busy}>
          Create key
        </Button>
      </form>
      {error && !fields.name && !fields.scopes && !fields.expiresAt ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {created ? (
        <Alert tone="success" title={`Key “${created.key.name}” created`}>
          <p>Copy it now: it is shown this once and cannot be shown again.</p>
          <p className="mt-2 rounded bg-white px-2 py-1 font-mono text-sm break-all text-stone-900" data-testid="new-api-key">
            {created.secret}
          </p>
        </Alert>
      ) : null}
    </div>
  )
}
