'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { revokeOthersResponseSchema } from '@/lib/contracts/auth'
import { revokedSentence } from './session-list'

/** Ends every session but this one, whether or not the provider can list them. */
export function SignOutOthers({ onDone, disabled = false }: { onDone: () => void; disabled?: boolean }) {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)

  async function run() {
    setBusy(true)
    setOutcome(null)
    try {
      const { revoked } = await apiFetch('/api/auth/sessions/revoke-others', revokeOthersResponseSchema, { method: 'POST' })
      setOutcome({ tone: 'success', text: revokedSentence(revoked) })
      onDone()
    } catch (cause) {
      setOutcome({ tone: 'error', text: errorMessage(cause) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="space-y-3">
      <Button variant="secondary" busy={busy} disabled={disabled} onClick={() => void run()} className="w-full sm:w-auto">
        Sign out all other sessions
      </Button>
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
    </div>
  )
}
