'use client'

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { Button } from '@/components/ui/button'

const MAX_INPUT = 8000

/** Enter sends, Shift+Enter adds a line; while an answer streams, the button stops it. */
export function Composer({
  onSend,
  onStop,
  streaming,
  disabled,
  placeholder,
}: {
  onSend: (text: string) => void
  onStop: () => void
  streaming: boolean
  disabled: boolean
  placeholder: string
}) {
  const [text, setText] = useState('')
  const id = useId()
  const trimmed = text.trim()

  function submit(event?: FormEvent) {
    event?.preventDefault()
    if (!trimmed || streaming || disabled) return
    onSend(trimmed)
    setText('')
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event)
  }

  return (
    <form
      onSubmit={submit}
      className="flex items-end gap-2 rounded-2xl border border-stone-300 bg-white p-2 shadow-sm focus-within:border-indigo-400"
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
        disabled={disabled}
        placeholder={placeholder}
        className="max-h-48 min-h-[2.75rem] flex-1 resize-y bg-transparent px-2 py-1.5 text-stone-900 placeholder:text-stone-500 focus:outline-none disabled:cursor-not-allowed"
      />
      {streaming ? (
        <Button variant="secondary" onClick={onStop}>
          Stop
        </Button>
      ) : (
        <Button type="submit" disabled={!trimmed || disabled}>
          Send
        </Button>
      )}
    </form>
  )
}
