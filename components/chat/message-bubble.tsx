'use client'

import { possessive } from '@/lib/client/format'
import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { ElementBadge } from '@/components/ui/element-badge'
import type { ShownMessage } from '@/lib/client/chat-types'
import { AnswerPager } from './answer-pager'
import { CopyButton } from './copy-button'
import { FeedbackThumbs } from './feedback-thumbs'
import { QuestionBubble } from './question-bubble'
import { SafeMarkdown } from './safe-markdown'
import { SourceCards } from './source-cards'
import type { SourceReading } from './source-dialog'

function TypingDots() {
  return (
    <span className="inline-flex gap-1 py-2" aria-label="The assistant is writing">
      {[0, 1, 2].map((i) => (
        <span key={i} className="size-1.5 animate-bounce rounded-full bg-stone-400" style={{ animationDelay: `${i * 120}ms` }} />
      ))}
    </span>
  )
}

const action = 'rounded-md px-1.5 py-0.5 text-xs text-stone-600 hover:bg-stone-200'

type Props = {
  message: ShownMessage
  slug: string
  reading: SourceReading
  assistantName: string
  canGiveFeedback: boolean
  /** A new answer to the same question (the latest answer only, while nothing streams). */
  onRegenerate?: () => void
  /** Change a stored question and send it again (while nothing streams). */
  onEdit?: (text: string) => void
}

export function MessageBubble({ message, slug, reading, assistantName, canGiveFeedback, onRegenerate, onEdit }: Props) {
  const versions = [...message.alternatives, message]
  const [page, setPage] = useState(versions.length - 1)
  if (message.role === 'user') return <QuestionBubble message={message} onEdit={onEdit} />
  const shown = versions[Math.min(page, versions.length - 1)] ?? message
  const streaming = message.status === 'streaming'
  return (
    <li className="flex justify-start">
      <article
        className="w-full max-w-[92%] rounded-2xl rounded-bl-md border border-stone-200 bg-white px-4 py-3 shadow-sm sm:max-w-[85%]"
        aria-label={`${possessive(assistantName)} answer`}
      >
        <div className="mb-1.5 flex flex-wrap items-center gap-2">
          <span className="text-sm font-semibold text-stone-800">{assistantName}</span>
          <ElementBadge element={shown.element} phase={shown.phase} facet={shown.facet} />
          {shown.offline ? (
            <Badge tone="amber">
              <span title="Answered from the knowledge base without an AI model">Offline mode</span>
            </Badge>
          ) : null}
          {shown.stopped ? <Badge tone="neutral">Stopped</Badge> : null}
        </div>
        {shown.content ? <SafeMarkdown text={shown.content} className="text-stone-900" /> : streaming ? <TypingDots /> : null}
        {message.status === 'failed' ? <p className="mt-2 text-sm text-red-700">This answer was interrupted.</p> : null}
        {!streaming ? <SourceCards sources={shown.sources} reading={reading} /> : null}
        {!streaming ? (
          <div className="mt-2 flex flex-wrap items-center gap-2 border-t border-stone-100 pt-2">
            {versions.length > 1 ? <AnswerPager index={page} count={versions.length} onPage={setPage} /> : null}
            {canGiveFeedback && shown.messageId ? (
              <FeedbackThumbs key={shown.messageId} slug={slug} messageId={shown.messageId} initial={shown.feedback} />
            ) : null}
            {shown.content ? <CopyButton text={shown.content} className={action} /> : null}
            {onRegenerate ? (
              <button type="button" onClick={onRegenerate} className={action}>
                Regenerate
              </button>
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  )
}
