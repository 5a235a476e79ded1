import Link from 'next/link'
import { ElementBadge } from '@/components/ui/element-badge'
import { EmptyState } from '@/components/ui/empty-state'
import { formatDateTime } from '@/lib/client/format'
import type { LowRatedAnswer } from '@/lib/contracts/feedback'

/** Each thumbs-down answer with the question it answered and the documents it cited. */
export function LowRatedAnswers({ answers, documentHref }: { answers: LowRatedAnswer[]; documentHref: (id: string) => string }) {
  if (answers.length === 0) {
    return <EmptyState title="No thumbs down yet">When a member rates an answer down, it appears here with its question.</EmptyState>
  }
  return (
    <ol className="space-y-4" aria-label="Answers rated down">
      {answers.map((entry) => {
        const documents = [...new Map(entry.sources.map((source) => [source.knowledgeId, source.title])).entries()]
        return (
          <li key={entry.messageId} className="rounded-lg border border-stone-200 bg-stone-50 p-4">
            <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-stone-600">
              <span>Rated down {formatDateTime(entry.ratedAt)}</span>
              <ElementBadge element={entry.element} phase={entry.phase} />
            </div>
            <p className="mt-2 text-sm font-semibold text-stone-900">Question</p>
            <p className="text-sm break-words whitespace-pre-wrap text-stone-800">
              {entry.question ?? <span className="text-stone-600">Not recorded</span>}
            </p>
            <p className="mt-3 text-sm font-semibold text-stone-900">Answer</p>
            <p className="text-sm break-words whitespace-pre-wrap text-stone-800">{entry.answer}</p>
            <p className="mt-3 text-sm font-semibold text-stone-900">Sources</p>
            {documents.length === 0 ? (
              <p className="text-sm text-stone-600">None: the answer cited no document.</p>
            ) : (
              <ul className="mt-1 flex flex-wrap gap-2">
                {documents.map(([knowledgeId, title]) => (
                  <li key={knowledgeId}>
                    <Link
                      href={documentHref(knowledgeId)}
                      className="text-sm font-medium break-words text-indigo-800 underline underline-offset-2"
                    >
                      {title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        )
      })}
    </ol>
  )
}
