'use client'

import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { TextField } from '@/components/ui/field'
import { apiFetch, ApiError } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { useApiQuery } from '@/lib/client/use-api-query'
import { widgetOriginListSchema, widgetOriginSchema } from '@/lib/contracts/widget'
import { noContentSchema } from '@/lib/contracts/no-content'

/** The sites allowed to embed the widget: added and removed by the tenant's admins, each change audited. */
export function WidgetOriginsCard({ tenantId }: { tenantId: string }) {
  const url = `/api/admin/tenants/${tenantId}/widget-origins`
  const { data, error, reload } = useApiQuery(url, widgetOriginListSchema)
  const [origin, setOrigin] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function add(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setFieldError(null)
    setNotice(null)
    try {
      const added = await apiFetch(url, widgetOriginSchema, { method: 'POST', json: { origin } })
      setOrigin('')
      setNotice(`${added.origin} may now embed the widget.`)
      reload()
    } catch (cause) {
      if (cause instanceof ApiError && cause.fields.origin) setFieldError(cause.fields.origin)
      else setFieldError(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  async function remove(id: string, name: string) {
    setNotice(null)
    try {
      await apiFetch(`${url}/${id}`, noContentSchema, { method: 'DELETE' })
      setNotice(`${name} may no longer embed the widget.`)
      reload()
    } catch (cause) {
      setNotice(errorMessage(cause))
    }
  }

  return (
    <Card>
      <CardHeader
        title="Allowed sites"
        description="Only pages of these origins (scheme, host and port) can show the widget; any other site is refused."
      />
      <form onSubmit={(event) => void add(event)} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField
          label="Origin"
          placeholder="https://shop.example.com"
          value={origin}
          onChange={(event) => setOrigin(event.target.value)}
          error={fieldError ?? undefined}
          wrapperClassName="flex-1"
          required
        />
        <Button type="submit" busy={busy} className="sm:mb-0.5">
          Allow site
        </Button>
      </form>
      {notice ? (
        <p role="status" className="mt-2 text-sm text-stone-700">
          {notice}
        </p>
      ) : null}
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {data && data.origins.length === 0 ? (
        <EmptyState title="No sites yet">Add the first site that will embed the widget.</EmptyState>
      ) : null}
      {data && data.origins.length > 0 ? (
        <ul className="mt-4 divide-y divide-stone-200" aria-label="Allowed sites">
          {data.origins.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <code className="min-w-0 font-mono text-sm break-all text-stone-900">{entry.origin}</code>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => void remove(entry.id, entry.origin)}
                aria-label={`Remove ${entry.origin}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  )
}
