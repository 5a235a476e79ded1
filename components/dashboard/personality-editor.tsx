'use client'

import { useId, useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { apiFetch } from '@/lib/client/api'
import { tenantResponseSchema } from '@/lib/contracts/tenants'
import { ApiError, errorMessage } from '@/lib/client/api-error'
import { draftFrom, payloadFrom, type PersonalitySource } from './personality-draft'
import { PersonalityForm } from './personality-form'
import { PersonalityPreview } from './personality-preview'

type Props = { tenantId: string; tenantName: string; initial: PersonalitySource; previewUrl: string }

export function PersonalityEditor({ tenantId, tenantName, initial, previewUrl }: Props) {
  const formId = useId()
  const [saved, setSaved] = useState(() => draftFrom(initial))
  const [draft, setDraft] = useState(saved)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const fields = error instanceof ApiError ? error.fields : {}
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved)

  async function save(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      const body = await apiFetch(`/api/admin/tenants/${tenantId}`, tenantResponseSchema, {
        method: 'PUT',
        json: payloadFrom(draft),
      })
      const next = draftFrom(body.tenant)
      setSaved(next)
      setDraft(next)
      setNotice('Saved. New conversations use this personality.')
    } catch (cause) {
      setError(cause)
    } finally {
      setBusy(false)
    }
  }

  return (
    // The preview has a form of its own, so the save button joins this one by id instead of nesting.
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <form id={formId} onSubmit={save} noValidate>
        <PersonalityForm draft={draft} onChange={setDraft} fields={fields} />
      </form>
      <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
        <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
          {error ? (
            <Alert tone="error" className="mb-3">
              {errorMessage(error)}
            </Alert>
          ) : null}
          {notice ? (
            <Alert tone="success" className="mb-3">
              {notice}
            </Alert>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" form={formId} busy={busy} disabled={!dirty}>
              Save personality
            </Button>
            <Button variant="ghost" disabled={!dirty || busy} onClick={() => setDraft(saved)}>
              Discard changes
            </Button>
          </div>
          <p className="mt-2 text-xs text-stone-600">{dirty ? 'You have unsaved changes.' : 'Everything is saved.'}</p>
        </div>
        <PersonalityPreview previewUrl={previewUrl} tenantName={tenantName} draft={draft} />
      </div>
    </div>
  )
}
