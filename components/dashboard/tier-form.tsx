'use client'

import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch, ApiError } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { tierResponseSchema, type Tier } from '@/lib/contracts/tiers'

/** Empty = unlimited; anything else goes to the server as typed, which judges it (400 names the field). */
const allowance = (text: string): number | null => (text.trim() === '' ? null : Number(text))
const shown = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value))

/** Creates a tier, or (with `tier`) edits one. */
export function TierForm({ url, tier, onSaved, onCancel }: { url: string; tier?: Tier; onSaved: () => void; onCancel?: () => void }) {
  const [name, setName] = useState(tier?.name ?? '')
  const [messages, setMessages] = useState(shown(tier?.messagesPerMonth))
  const [tokens, setTokens] = useState(shown(tier?.tokensPerMonth))
  const [fields, setFields] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function save(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setFields({})
    setError(null)
    try {
      const json = { name, messagesPerMonth: allowance(messages), tokensPerMonth: allowance(tokens) }
      await apiFetch(tier ? `${url}/${tier.id}` : url, tierResponseSchema, { method: tier ? 'PUT' : 'POST', json })
      if (!tier) {
        setName('')
        setMessages('')
        setTokens('')
      }
      onSaved()
    } catch (cause) {
      if (cause instanceof ApiError && Object.keys(cause.fields).length > 0) setFields(cause.fields)
      else setError(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      onSubmit={(event) => void save(event)}
      aria-label={tier ? `Edit ${tier.name}` : 'New tier'}
      className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
    >
      <TextField
        label="Tier name"
        placeholder="Professional"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fields.name}
        required
      />
      <TextField
        label="Messages a month"
        inputMode="numeric"
        placeholder="Unlimited"
        value={messages}
        onChange={(event) => setMessages(event.target.value)}
        error={fields.messagesPerMonth}
      />
      <TextField
        label="Tokens a month"
        inputMode="numeric"
        placeholder="Unlimited"
        value={tokens}
        onChange={(event) => setTokens(event.target.value)}
        error={fields.tokensPerMonth}
      />
      <div className="flex gap-2 sm:mb-0.5">
        <Button type="submit" busy={busy}>
          {tier ? 'Save' : 'Add tier'}
        </Button>
        {onCancel ? (
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 sm:col-span-4">
          {error}
        </p>
      ) : null}
    </form>
  )
}
