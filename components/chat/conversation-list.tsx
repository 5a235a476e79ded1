'use client'

import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { errorMessage } from '@/lib/client/api-error'
import type { ConversationSummary } from '@/lib/contracts/conversations'
import { ConversationItem } from './conversation-item'

type Props = {
  conversations: ConversationSummary[]
  activeId: string | null
  loading: boolean
  search: string
  /** A search is typed: an empty list means no match, not no history. */
  searching: boolean
  onSearch: (text: string) => void
  canRename: boolean
  onSelect: (id: string) => void
  onNew: () => void
  onRename: (id: string, title: string) => Promise<void>
  onDelete: (id: string) => Promise<void>
}

/** The member's history: a new thread, a search over titles and messages, and each thread with rename and delete. */
export function ConversationList(props: Props) {
  const { conversations, activeId, loading, search, searching, onSearch, canRename, onSelect, onNew, onRename, onDelete } = props
  const [doomed, setDoomed] = useState<ConversationSummary | null>(null)
  const [deleting, setDeleting] = useState(false)
  const [deleteError, setDeleteError] = useState<string | null>(null)
  const searchId = useId()

  function askToDelete(conversation: ConversationSummary) {
    setDeleteError(null)
    setDoomed(conversation)
  }

  async function confirmDelete() {
    if (!doomed) return
    setDeleting(true)
    setDeleteError(null)
    try {
      await onDelete(doomed.id)
      setDoomed(null)
    } catch (cause) {
      setDeleteError(errorMessage(cause))
    } finally {
      setDeleting(false)
    }
  }

  return (
    <nav aria-label="Your conversations" className="flex h-full flex-col">
      <button
        type="button"
        onClick={onNew}
        className="mb-3 flex w-full items-center justify-center gap-2 rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-100"
      >
        <span aria-hidden>+</span> New conversation
      </button>
      <label htmlFor={searchId} className="sr-only">
        Search conversations
      </label>
      <input
        id={searchId}
        type="search"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        placeholder="Search conversations"
        maxLength={200}
        className="mb-3 block w-full rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-900 placeholder:text-stone-500 focus-visible:outline-2 focus-visible:outline-indigo-600"
      />
      <h2 className="mb-1 px-1 text-xs font-semibold tracking-wide text-stone-600 uppercase">{searching ? 'Found' : 'History'}</h2>
      {loading ? <p className="px-1 text-sm text-stone-600">Loading…</p> : null}
      {!loading && conversations.length === 0 ? (
        <p role="status" className="px-1 text-sm text-stone-600">
          {searching ? 'No conversation matches.' : 'No conversations yet.'}
        </p>
      ) : null}
      <ul className="min-h-0 flex-1 space-y-1 overflow-y-auto">
        {conversations.map((conversation) => (
          <ConversationItem
            key={conversation.id}
            conversation={conversation}
            active={conversation.id === activeId}
            canRename={canRename}
            onSelect={() => onSelect(conversation.id)}
            onRename={(title) => onRename(conversation.id, title)}
            onDelete={() => askToDelete(conversation)}
          />
        ))}
      </ul>
      <Dialog open={doomed !== null} onClose={() => setDoomed(null)} title="Delete this conversation?" size="narrow">
        <p className="text-stone-800">“{doomed?.title}” and all its messages will be deleted for good. This cannot be undone.</p>
        {deleteError ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {deleteError}
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setDoomed(null)}>
            Cancel
          </Button>
          <Button variant="danger" busy={deleting} onClick={() => void confirmDelete()}>
            Delete
          </Button>
        </div>
      </Dialog>
    </nav>
  )
}
