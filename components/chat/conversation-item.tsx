'use client'

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { Button } from '@/components/ui/button'
import { errorMessage } from '@/lib/client/api-error'
import { formatDateTime } from '@/lib/client/format'
import { CONVERSATION_TITLE_MAX, type ConversationSummary } from '@/lib/contracts/conversations'

const dotColours: Record<string, string> = { fire: 'bg-fire', water: 'bg-water', earth: 'bg-earth', air: 'bg-air', aether: 'bg-aether' }

function Icon({ path }: { path: string }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      <path d={path} />
    </svg>
  )
}

const PENCIL = 'M13.5 3.5l3 3L7 16H4v-3l9.5-9.5z'
const TRASH = 'M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10'

type Props = {
  conversation: ConversationSummary
  active: boolean
  /** Viewers read and delete their threads but cannot rename them. */
  canRename: boolean
  onSelect: () => void
  onRename: (title: string) => Promise<void>
  onDelete: () => void
}

/** One thread in the history: opens it, renames it in place (Enter saves, Escape cancels), asks to delete it. */
export function ConversationItem({ conversation, active, canRename, onSelect, onRename, onDelete }: Props) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(conversation.title)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()

  function startEditing() {
    setDraft(conversation.title)
    setError(null)
    setEditing(true)
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    const title = draft.trim()
    if (!title) return setError('A title cannot be blank.')
    if (title === conversation.title) return setEditing(false)
    setBusy(true)
    setError(null)
    try {
      await onRename(title)
      setEditing(false)
    } catch (cause) {
      setError(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      setEditing(false)
    }
  }

  if (editing) {
    return (
      <li>
        <form onSubmit={save} className="rounded-lg bg-white p-2 shadow-sm ring-1 ring-stone-200">
          <label htmlFor={inputId} className="sr-only">
            Conversation title
          </label>
          <input
            id={inputId}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            maxLength={CONVERSATION_TITLE_MAX}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            className="block w-full rounded-md border border-stone-300 px-2 py-1 text-sm text-stone-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
          {error ? (
            <p id={`${inputId}-error`} className="mt-1 text-xs text-red-700">
              {error}
            </p>
          ) : null}
          <div className="mt-2 flex gap-2">
            <Button type="submit" size="sm" busy={busy}>
              Save
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </li>
    )
  }

  const actionClasses = 'rounded-md p-1 text-stone-600 hover:bg-stone-300/60 hover:text-stone-900'
  return (
    <li className="group relative">
      <button
        type="button"
        onClick={onSelect}
        aria-current={active ? 'true' : undefined}
        className={`w-full rounded-lg py-2 pr-14 pl-2.5 text-left text-sm ${active ? 'bg-indigo-100 text-indigo-950' : 'text-stone-800 hover:bg-stone-200/70'}`}
      >
        <span className="flex items-center gap-2">
          {conversation.dominantElement ? (
            <span aria-hidden className={`size-2 shrink-0 rounded-full ${dotColours[conversation.dominantElement] ?? 'bg-stone-400'}`} />
          ) : null}
          <span className="truncate font-medium">{conversation.title}</span>
        </span>
        {/* On the open thread's tint, stone-600 falls below contrast in the dark scheme. */}
        <span className={`mt-0.5 block text-xs ${active ? 'text-indigo-900' : 'text-stone-600'}`}>
          {formatDateTime(conversation.updatedAt)}
        </span>
      </button>
      {/* Shown on hover and keyboard focus, and always for the open thread and on touch screens. */}
      <div
        className={`absolute top-1.5 right-1.5 flex gap-0.5 ${active ? '' : 'opacity-100 lg:opacity-0 lg:group-focus-within:opacity-100 lg:group-hover:opacity-100'}`}
      >
        {canRename ? (
          <button type="button" onClick={startEditing} aria-label={`Rename “${conversation.title}”`} className={actionClasses}>
            <Icon path={PENCIL} />
          </button>
        ) : null}
        <button type="button" onClick={onDelete} aria-label={`Delete “${conversation.title}”`} className={actionClasses}>
          <Icon path={TRASH} />
        </button>
      </div>
    </li>
  )
}
