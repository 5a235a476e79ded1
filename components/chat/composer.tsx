'use client'

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { Button } from '@/components/ui/button'

const MAX_INPUT = 8000

type Props = {
  /** Sends the text; false when it was refused before anything was answered, so the text comes back to the box. */
  onSend: (text: string) => Promise<boolean> | void
  onStop: () => void
  streaming: boolean
  disabled: boolean
  /** Why nothing can be sent (a limit, a paused tenant, a read-only role): the box is disabled and says so. */
  closedReason: string | null
  placeholder: string
}

/** Enter sends, Shift+Enter adds a line; while an answer streams, the button stops it. */
export function Composer({ onSend, onStop, streaming, disabled, closedReason, placeholder }: Props) {
  const [text, setText] = useState('')
  const id = useId()
  const reasonId = useId()
  const trimmed = text.trim()
  const closed = closedReason !== null
  const off = disabled || closed

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (!trimmed || streaming || off) return
    setText('')
    const accepted = await onSend(trimmed)
    if (accepted === false) setText((now) => now || trimmed)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void submit(event)
  }

  return (
    <div>
      {closed ? (
        <p id={reasonId} className="mb-1.5 px-1 text-sm font-medium text-stone-700">
          {closedReason}
        </p>
      ) : null}
      <form
        onSubmit={(event) => void submit(event)}
        className={`flex items-end gap-2 rounded-2xl border border-stone-300 p-2 shadow-sm focus-within:border-indigo-400 ${closed ? 'bg-stone-100' : 'bg-white'}`}
      >
        <label htmlFor={id} className="sr-only">
          Your message
        </label>
        <textarea
          id={id}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          rows={2}
          maxLength={MAX_INPUT}
          disabled={off}
          aria-describedby={closed ? reasonId : undefined}
          placeholder={closed ? 'Sending is not available' : placeholder}
          className="max-h-48 min-h-[2.75rem] flex-1 resize-y bg-transparent px-2 py-1.5 text-stone-900 placeholder:text-stone-500 focus:outline-none disabled:cursor-not-allowed"
        />
        {streaming ? (
          <Button variant="secondary" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button type="submit" disabled={!trimmed || off} aria-describedby={closed ? reasonId : undefined}>
            Send
          </Button>
        )}
      </form>
    </div>
  )
}
