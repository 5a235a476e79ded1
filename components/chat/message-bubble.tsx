import { Badge } from '@/components/ui/badge'
import { ElementBadge } from '@/components/ui/element-badge'
import type { ShownMessage } from '@/lib/client/chat-types'
import { FeedbackThumbs } from './feedback-thumbs'
import { SafeMarkdown } from './safe-markdown'
import { SourceCards } from './source-cards'

function TypingDots() {
  return (
    <span className="inline-flex gap-1 py-2" aria-label="The assistant is writing">
      {[0, 1, 2].map((i) => (
        <span key={i} className="size-1.5 animate-bounce rounded-full bg-stone-400" style={{ animationDelay: `${i * 120}ms` }} />
      ))}
    </span>
  )
}

export function MessageBubble({
  message,
  slug,
  assistantName,
  canGiveFeedback,
}: {
  message: ShownMessage
  slug: string
  assistantName: string
  canGiveFeedback: boolean
}) {
  if (message.role === 'user') {
    return (
      <li className="flex justify-end">
        <div className="max-w-[85%] rounded-2xl rounded-br-md bg-indigo-700 px-4 py-2.5 whitespace-pre-wrap text-white shadow-sm">
          <span className="sr-only">You said: </span>
          {message.content}
        </div>
      </li>
    )
  }
  const streaming = message.status === 'streaming'
  return (
    <li className="flex justify-start">
      <article
        className="w-full max-w-[92%] rounded-2xl rounded-bl-md border border-stone-200 bg-white px-4 py-3 shadow-sm sm:max-w-[85%]"
        aria-label={`${assistantName}'s answer`}
      >
        <div className="mb-1.5 flex flex-wrap items-center gap-2">
          <span className="text-sm font-semibold text-stone-800">{assistantName}</span>
          <ElementBadge element={message.element} phase={message.phase} facet={message.facet} />
          {message.offline ? (
            <Badge tone="amber">
              <span title="Answered from the knowledge base without an AI model">Offline mode</span>
            </Badge>
          ) : null}
        </div>
        {message.content ? <SafeMarkdown text={message.content} className="text-stone-900" /> : streaming ? <TypingDots /> : null}
        {message.status === 'failed' ? <p className="mt-2 text-sm text-red-700">This answer was interrupted.</p> : null}
        {!streaming ? <SourceCards sources={message.sources} /> : null}
        {!streaming && canGiveFeedback && message.messageId ? (
          <div className="mt-2 border-t border-stone-100 pt-2">
            <FeedbackThumbs slug={slug} messageId={message.messageId} initial={message.feedback} />
          </div>
        ) : null}
      </article>
    </li>
  )
}
