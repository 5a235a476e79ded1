'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { copyText } from '@/lib/client/clipboard'
import { formatDateTime } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { identitySecretResponseSchema, USER_HASH_HEADER } from '@/lib/contracts/end-users'

const SIGNING_EXAMPLE = `import { createHmac } from 'node:crypto'
// On your server, never in the browser:
const userHash = createHmac('sha256', process.env.ORACLE_IDENTITY_SECRET).update(user.id).digest('hex')`

/**
 * The identity secret the tenant's own server signs its end users' ids with, revealed on
 * request; making a new one (after a confirmation) invalidates every earlier hash.
 */
export function IdentitySecretCard({ tenantId }: { tenantId: string }) {
  const url = `/api/admin/tenants/${tenantId}/identity-secret`
  const { data, error, reload } = useApiQuery(url, identitySecretResponseSchema)
  const [shown, setShown] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)

  async function rotate() {
    setBusy(true)
    setNotice(null)
    try {
      await apiFetch(url, identitySecretResponseSchema, { method: 'POST' })
      setShown(true)
      reload()
    } catch (cause) {
      setNotice(errorMessage(cause))
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  const secret = data?.secret ?? null
  return (
    <Card>
      <CardHeader
        title="Identity verification"
        description={
          <>
            Your server signs each signed-in user’s id with this secret, HMAC-SHA256 in hex, and sends it as{' '}
            <code className="font-mono">data-user-hash</code> in the widget or the <code className="font-mono">{USER_HASH_HEADER}</code>{' '}
            header with <code className="font-mono">user</code> on the API. A wrong hash is refused; without one, the person is an anonymous
            visitor.
          </>
        }
      />
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {notice ? <Alert tone="error">{notice}</Alert> : null}
      {data && secret ? (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 break-all rounded-md bg-stone-100 px-2 py-1 font-mono text-sm text-stone-900">
              {shown ? secret : '•'.repeat(24)}
            </code>
            <Button size="sm" variant="secondary" onClick={() => setShown((value) => !value)}>
              {shown ? 'Hide' : 'Reveal'}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => void copyText(secret).then((ok) => setNotice(ok ? null : 'Copying failed.'))}
            >
              Copy
            </Button>
          </div>
          {data.createdAt ? <p className="text-xs text-stone-600">Made {formatDateTime(data.createdAt)}</p> : null}
        </div>
      ) : null}
      {data && !secret ? <p className="text-sm text-stone-700">No identity secret yet: end users can only be anonymous visitors.</p> : null}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {confirming ? (
          <>
            <span className="text-sm text-stone-800">Every hash made with the old secret stops working at once.</span>
            <Button size="sm" variant="danger" busy={busy} onClick={() => void rotate()}>
              Make a new secret
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <Button
            size="sm"
            variant={secret ? 'secondary' : 'primary'}
            onClick={() => (secret ? setConfirming(true) : void rotate())}
            busy={busy}
          >
            {secret ? 'Rotate secret' : 'Make an identity secret'}
          </Button>
        )}
      </div>
      <pre className="mt-4 overflow-x-auto rounded-lg bg-stone-900 p-3 text-xs text-stone-100">
        <code>{SIGNING_EXAMPLE}</code>
      </pre>
    </Card>
  )
}
