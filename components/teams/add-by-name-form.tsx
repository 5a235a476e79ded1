'use client'

import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { ApiError } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'

type Props = {
  label: string
  placeholder: string
  submitLabel: string
  /** Adds the named thing; a refusal shows under the field (the server's `name` message when it gives one). */
  onAdd: (name: string) => Promise<void>
}

/** The one-field form that adds a named thing of the tenant (a collection, a group). */
export function AddByNameForm({ label, placeholder, submitLabel, onAdd }: Props) {
  const [name, setName] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function add(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setFieldError(null)
    try {
      await onAdd(name)
      setName('')
    } catch (cause) {
      setFieldError(cause instanceof ApiError && cause.fields.name ? cause.fields.name : errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(event) => void add(event)} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <TextField
        label={label}
        placeholder={placeholder}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldError ?? undefined}
        wrapperClassName="flex-1"
        maxLength={80}
        required
      />
      <Button type="submit" busy={busy} className="sm:mb-0.5">
        {submitLabel}
      </Button>
    </form>
  )
}
