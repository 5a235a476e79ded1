'use client'

import { useState } from 'react'
import { apiFetch } from '@/lib/client/api'
import { errorMessage } from '@/lib/client/api-error'
import { feedbackResponseSchema, type Feedback, type FeedbackRequest } from '@/lib/contracts/conversations'

function Thumb({ up }: { up: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={`size-4 ${up ? '' : 'rotate-180'}`} fill="currentColor">
      <path d="M2 9.5A1.5 1.5 0 013.5 8h1A1.5 1.5 0 016 9.5v7A1.5 1.5 0 014.5 18h-1A1.5 1.5 0 012 16.5v-7zM7 9.3V16a2 2 0 002 2h5.3a2 2 0 001.94-1.5l1.2-4.8A2 2 0 0015.5 9.2H12V5a2 2 0 00-2-2h-.2a1 1 0 00-.96.73L7 9.3z" />
    </svg>
  )
}

/** Thumbs up/down on an answer, stored through the feedback route; pressing the chosen one again clears it. */
export function FeedbackThumbs({ slug, messageId, initial }: { slug: string; messageId: string; initial: Feedback }) {
  const [value, setValue] = useState<Feedback>(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function send(next: 1 | -1) {
    const previous = value
    const chosen = value === next ? null : next
    setValue(chosen)
    setBusy(true)
    setError(null)
    try {
      await apiFetch(`/api/tenant/${encodeURIComponent(slug)}/messages/${encodeURIComponent(messageId)}/feedback`, feedbackResponseSchema, {
        method: 'POST',
        json: { value: chosen } satisfies FeedbackRequest,
      })
    } catch (cause) {
      setValue(previous)
      setError(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  const button = (kind: 1 | -1) => (
    <button
      type="button"
      onClick={() => send(kind)}
      disabled={busy}
      aria-pressed={value === kind}
      aria-label={kind === 1 ? 'Helpful answer' : 'Not helpful'}
      className={`rounded-md p-1.5 transition-colors hover:bg-stone-200 disabled:opacity-60 ${value === kind ? (kind === 1 ? 'text-emerald-700' : 'text-red-700') : 'text-stone-500'}`}
    >
      <Thumb up={kind === 1} />
    </button>
  )

  return (
    <div className="flex items-center gap-0.5">
      {button(1)}
      {button(-1)}
      {error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      ) : value !== null ? (
        <span role="status" className="ml-2 text-xs text-stone-600">
          Thanks for the feedback
        </span>
      ) : null}
    </div>
  )
}
