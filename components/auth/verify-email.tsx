'use client'

import Link from 'next/link'
import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button, buttonClasses } from '@/components/ui/button'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { safeNextPath } from '@/lib/client/safe-url'
import { verifyEmailResponseSchema } from '@/lib/contracts/auth'

type Props = { token: string; loginHref: string }

/**
 * The landing page of the verification link. Verifying takes a click rather than
 * happening on load, so a mail scanner that fetches links does not use it up.
 */
export function VerifyEmail({ token, loginHref }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ returnTo: string | null } | null>(null)

  if (done) {
    const next = done.returnTo ? safeNextPath(done.returnTo, loginHref) : loginHref
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Your email address is verified">
          You can sign in now.
        </Alert>
        <Link href={next} className={buttonClasses('primary', 'md', 'w-full')}>
          {done.returnTo ? 'Continue to your invitation' : 'Sign in'}
        </Link>
      </div>
    )
  }

  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        busy={busy}
        className="w-full"
        onClick={async () => {
          setBusy(true)
          setError(null)
          try {
            setDone(await apiFetch('/api/auth/verify-email', verifyEmailResponseSchema, { method: 'POST', json: { token } }))
          } catch (cause) {
            setError(errorMessage(cause))
          } finally {
            setBusy(false)
          }
        }}
      >
        Verify my email address
      </Button>
    </div>
  )
}
