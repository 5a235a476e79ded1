'use client'

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { Button } from '@/components/ui/button'
import type { ShownMessage } from '@/lib/client/chat-types'
import { MAX_INPUT_CHARS } from '@/lib/contracts/oracle'

/** The member's question; `onEdit` (a stored question, nothing streaming) lets them change it and send it again. */
export function QuestionBubble({ message, onEdit }: { message: ShownMessage; onEdit?: (text: string) => void }) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(message.content)
  const id = useId()

  function submit(event?: FormEvent) {
    event?.preventDefault()
    const text = draft.trim()
    if (!text || !onEdit) return
    setEditing(false)
    onEdit(text)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') setEditing(false)
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event)
  }

  if (editing && onEdit) {
    return (
      <li className="flex justify-end">
        <form onSubmit={submit} className="w-full max-w-[85%] rounded-2xl border border-indigo-300 bg-white p-2 shadow-sm">
          <label htmlFor={id} className="sr-only">
            Edit your question
          </label>
          <textarea
            id={id}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            maxLength={MAX_INPUT_CHARS}
            rows={3}
            className="block w-full resize-y rounded-lg px-2 py-1.5 text-stone-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
          <div className="mt-2 flex justify-end gap-2">
            <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button type="submit" size="sm" disabled={!draft.trim()}>
              Send again
            </Button>
          </div>
        </form>
      </li>
    )
  }

  return (
    <li className="flex flex-col items-end gap-1">
      <div className="max-w-[85%] rounded-2xl rounded-br-md bg-indigo-700 px-4 py-2.5 whitespace-pre-wrap text-white shadow-sm">
        <span className="sr-only">You said: </span>
        {message.content}
      </div>
      {onEdit ? (
        <button
          type="button"
          onClick={() => {
            setDraft(message.content)
            setEditing(true)
          }}
          className="rounded-md px-1.5 py-0.5 text-xs text-stone-600 hover:bg-stone-200"
        >
          Edit<span className="sr-only"> this question</span>
        </button>
      ) : null}
    </li>
  )
}
