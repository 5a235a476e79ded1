'use client'

import { useState } from 'react'
import { apiFetch } from '@/lib/client/api'
import { noContentSchema } from '@/lib/contracts/no-content'

/** Ends the session, then reloads at `next` so every server component forgets the user. */
export function SignOutButton({ next, className = '' }: { next: string; className?: string }) {
  const [busy, setBusy] = useState(false)
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true)
        await apiFetch('/api/auth/logout', noContentSchema, { method: 'POST' }).catch(() => undefined)
        window.location.assign(next)
      }}
      className={`rounded-md px-2 py-1 text-sm font-medium text-stone-700 hover:bg-stone-200/70 hover:text-stone-900 disabled:opacity-60 ${className}`}
    >
      Sign out
    </button>
  )
}
