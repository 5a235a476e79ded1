'use client'

import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { formatDateTime } from '@/lib/client/format'
import type { AccountSession } from '@/lib/contracts/auth'
import { noContentSchema } from '@/lib/contracts/no-content'
import { describeUserAgent } from './user-agent'

/** One signed-in device; any but this one can be signed out from here. */
export function SessionRow({ session, onRevoked }: { session: AccountSession; onRevoked: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const device = describeUserAgent(session.userAgent)
  const lastSeen = formatDateTime(session.lastSeenAt)

  async function revoke() {
    setBusy(true)
    setError(null)
    try {
      await apiFetch(`/api/auth/sessions/${encodeURIComponent(session.id)}`, noContentSchema, { method: 'DELETE' })
      onRevoked()
    } catch (cause) {
      setError(errorMessage(cause))
      setBusy(false)
    }
  }

  return (
    <li className="py-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
            <span className="break-words">{device}</span>
            {session.current ? <Badge tone="green">This device</Badge> : null}
          </p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-stone-700">
            <dt className="text-stone-600">Site</dt>
            <dd className="break-all">{session.site ?? 'Not recorded'}</dd>
            <dt className="text-stone-600">IP address</dt>
            <dd className="break-all">{session.ip ?? 'Not recorded'}</dd>
            <dt className="text-stone-600">Last active</dt>
            <dd>{lastSeen}</dd>
            <dt className="text-stone-600">Signed in</dt>
            <dd>{formatDateTime(session.createdAt)}</dd>
            <dt className="text-stone-600">Expires</dt>
            <dd>{formatDateTime(session.expiresAt)}</dd>
          </dl>
        </div>
        {session.current ? null : (
          <Button
            size="sm"
            variant="secondary"
            busy={busy}
            onClick={() => void revoke()}
            aria-label={`Sign out ${device}, last active ${lastSeen}`}
          >
            Sign out
          </Button>
        )}
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  )
}
