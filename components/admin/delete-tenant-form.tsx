'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/field'
import { apiFetch } from '@/lib/client/api'
import { noContentSchema } from '@/lib/contracts/no-content'
import { errorMessage } from '@/lib/client/api-error'

/** Deleting removes everything the tenant owns, so the slug must be typed to confirm. */
export function DeleteTenantForm({ tenantId, slug }: { tenantId: string; slug: string }) {
  const router = useRouter()
  const [confirm, setConfirm] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await apiFetch(`/api/admin/tenants/${tenantId}`, noContentSchema, { method: 'DELETE', json: { confirm } })
      router.push('/admin')
      router.refresh()
    } catch (cause) {
      setError(errorMessage(cause))
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <p className="text-sm text-stone-700">
        This removes the tenant&apos;s knowledge, conversations, usage and members for good. Only the platform&apos;s record of the deletion
        stays in the audit log.
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField
        label={`Type ${slug} to confirm`}
        value={confirm}
        onChange={(event) => setConfirm(event.target.value)}
        autoComplete="off"
      />
      <Button type="submit" variant="danger" busy={busy} disabled={confirm !== slug}>
        Delete tenant
      </Button>
    </form>
  )
}
