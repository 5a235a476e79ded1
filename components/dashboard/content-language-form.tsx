'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { SelectField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { tenantResponseSchema } from '@/lib/contracts/tenants'
import { ApiError, errorMessage } from '@/lib/client/api-error'

type Props = { tenantId: string; initial: string; languages: string[] }

/** The language of the tenant's documents: the search index stems and drops stop words by it. */
export function ContentLanguageForm({ tenantId, initial, languages }: Props) {
  const [saved, setSaved] = useState(initial)
  const [language, setLanguage] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const fieldError = error instanceof ApiError ? error.fields.contentLanguage : undefined

  async function save(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      const body = await apiFetch(`/api/admin/tenants/${tenantId}`, tenantResponseSchema, {
        method: 'PUT',
        json: { contentLanguage: language },
      })
      setSaved(body.tenant.contentLanguage)
      setLanguage(body.tenant.contentLanguage)
      setNotice('Saved. Every passage was re-indexed for this language.')
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={save} noValidate className="space-y-3">
      <SelectField
        label="Language of your documents"
        hint="Search matches word forms by it (invoice, invoices). Choose simple for a language not listed."
        error={fieldError}
        value={language}
        onChange={(event) => setLanguage(event.target.value)}
      >
        {languages.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      {error && !fieldError ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <Button type="submit" busy={busy} disabled={language === saved}>
        Save language
      </Button>
    </form>
  )
}
