import type { ConversationSummary } from '@/lib/contracts/conversations'
import { formatDateTime } from '@/lib/client/format'

const dotColours: Record<string, string> = { fire: 'bg-fire', water: 'bg-water', earth: 'bg-earth', air: 'bg-air', aether: 'bg-aether' }

type Props = {
  conversations: ConversationSummary[]
  activeId: string | null
  loading: boolean
  onSelect: (id: string) => void
  onNew: () => void
}

export function ConversationList({ conversations, activeId, loading, onSelect, onNew }: Props) {
  return (
    <nav aria-label="Your conversations" className="flex h-full flex-col">
      <button
        type="button"
        onClick={onNew}
        className="mb-3 flex w-full items-center justify-center gap-2 rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-100"
      >
        <span aria-hidden>+</span> New conversation
      </button>
      <h2 className="mb-1 px-1 text-xs font-semibold tracking-wide text-stone-600 uppercase">History</h2>
      {loading ? <p className="px-1 text-sm text-stone-600">Loading…</p> : null}
      {!loading && conversations.length === 0 ? <p className="px-1 text-sm text-stone-600">No conversations yet.</p> : null}
      <ul className="min-h-0 flex-1 space-y-1 overflow-y-auto">
        {conversations.map((conversation) => {
          const active = conversation.id === activeId
          return (
            <li key={conversation.id}>
              <button
                type="button"
                onClick={() => onSelect(conversation.id)}
                aria-current={active ? 'true' : undefined}
                className={`w-full rounded-lg px-2.5 py-2 text-left text-sm ${active ? 'bg-indigo-100 text-indigo-950' : 'text-stone-800 hover:bg-stone-200/70'}`}
              >
                <span className="flex items-center gap-2">
                  {conversation.dominantElement ? (
                    <span
                      aria-hidden
                      className={`size-2 shrink-0 rounded-full ${dotColours[conversation.dominantElement] ?? 'bg-stone-400'}`}
                    />
                  ) : null}
                  <span className="truncate font-medium">{conversation.title}</span>
                </span>
                <span className="mt-0.5 block text-xs text-stone-600">{formatDateTime(conversation.updatedAt)}</span>
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
