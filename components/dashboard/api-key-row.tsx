'use client'

import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatDateTime } from '@/lib/client/format'
import type { ApiKey } from '@/lib/contracts/api-keys'
import { noContentSchema } from '@/lib/contracts/no-content'

function expired(key: ApiKey): boolean {
  return key.expiresAt !== null && Date.parse(key.expiresAt) <= Date.now()
}

/** One key by its prefix: scopes, when it was made and last used, and revoking after a confirmation. */
export function ApiKeyRow({ tenantId, apiKey, onChanged }: { tenantId: string; apiKey: ApiKey; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const live = apiKey.revokedAt === null && !expired(apiKey)

  async function revoke() {
    setBusy(true)
    setError(null)
    try {
      await apiFetch(`/api/admin/tenants/${tenantId}/api-keys/${apiKey.id}`, noContentSchema, { method: 'DELETE' })
      onChanged()
    } catch (cause) {
      setError(errorMessage(cause))
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="font-medium text-stone-900">
            {apiKey.name} <span className="font-mono text-sm text-stone-600">{apiKey.prefix}…</span>{' '}
            {apiKey.revokedAt ? <Badge tone="red">revoked</Badge> : expired(apiKey) ? <Badge tone="amber">expired</Badge> : null}
          </p>
          <p className="flex flex-wrap gap-1">
            {apiKey.scopes.map((scope) => (
              <Badge key={scope}>{scope}</Badge>
            ))}
          </p>
          <p className="text-xs text-stone-600">
            Created {formatDateTime(apiKey.createdAt)} ·{' '}
            {apiKey.lastUsedAt ? `last used ${formatDateTime(apiKey.lastUsedAt)}` : 'never used'}
            {apiKey.expiresAt ? ` · expires ${formatDateTime(apiKey.expiresAt)}` : ''}
            {apiKey.revokedAt ? ` · revoked ${formatDateTime(apiKey.revokedAt)}` : ''}
          </p>
        </div>
        {live ? (
          <div className="flex items-center gap-2">
            {confirming ? (
              <>
                <Button size="sm" variant="danger" busy={busy} onClick={() => void revoke()}>
                  Confirm revoking {apiKey.name}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </>
            ) : (
              <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
                Revoke
              </Button>
            )}
          </div>
        ) : null}
      </div>
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </li>
  )
}
