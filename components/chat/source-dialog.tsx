'use client'

import { Dialog } from '@/components/ui/dialog'
import { markPassages } from '@/lib/client/passage-marks'
import { useApiQuery } from '@/lib/client/use-api-query'
import { passageResponseSchema } from '@/lib/contracts/documents'
import type { KnowledgeSource } from '@/lib/contracts/oracle'
import { MarkedText } from './marked-text'

function scoreText(score: number): string {
  return score <= 1 ? `${Math.round(score * 100)}% match` : `score ${score.toFixed(2)}`
}

export type SourceReading = {
  slug: string
  /** Where the tenant's pages start ('' on its own host, `/t/<slug>` on the platform's). */
  basePath: string
  /** Members read the passage in its context and the whole document; visitors see the cited snippet only. */
  canRead: boolean
}

/**
 * One source of an answer: the cited snippet highlighted inside the whole passage it came
 * from, under the document's title and heading path, and a way into the document itself.
 */
export function SourceDialog({
  source,
  reading,
  onClose,
}: {
  source: KnowledgeSource | null
  /** Absent where no tenant site frames the answer (the dashboard's preview): the snippet alone is shown. */
  reading?: SourceReading
  onClose: () => void
}) {
  const url =
    source && reading?.canRead
      ? `/api/tenant/${encodeURIComponent(reading.slug)}/documents/${encodeURIComponent(source.knowledgeId)}/passages/${encodeURIComponent(source.id)}`
      : null
  const { data, error, loading } = useApiQuery(url, passageResponseSchema)
  const passage = data?.passage.id === source?.id ? data?.passage : undefined
  const documentHref =
    source && reading
      ? `${reading.basePath}/documents/${encodeURIComponent(source.knowledgeId)}?passage=${encodeURIComponent(source.id)}#cited-passage`
      : ''

  return (
    <Dialog open={source !== null} onClose={onClose} title={passage?.title ?? source?.title ?? 'Source'}>
      {source ? (
        <div className="space-y-3">
          {passage && passage.headingPath.length > 0 ? (
            <nav aria-label="Heading path" className="text-sm text-stone-600">
              <ol className="flex flex-wrap items-center gap-1">
                {passage.headingPath.map((heading, index) => (
                  <li key={index} className="flex items-center gap-1">
                    {index > 0 ? <span aria-hidden>›</span> : null}
                    <span className="font-medium text-stone-800">{heading}</span>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <p className="text-sm text-stone-600">Relevance: {scoreText(source.score)}</p>
          <blockquote
            aria-label="Cited passage"
            className="rounded-lg border-l-4 border-indigo-300 bg-stone-50 p-4 leading-relaxed whitespace-pre-wrap text-stone-800"
          >
            {passage ? (
              <MarkedText segments={markPassages(passage.content, [source.snippet])} />
            ) : (
              <mark className="rounded-sm bg-amber-100 px-0.5 text-stone-900">
                {source.snippet || 'No passage text was returned for this source.'}
              </mark>
            )}
          </blockquote>
          {loading ? <p className="text-sm text-stone-600">Loading the passage in its context…</p> : null}
          {error ? <p className="text-sm text-stone-600">The surrounding text could not be loaded: {error.message}</p> : null}
          {reading?.canRead ? (
            <a
              href={documentHref}
              className="inline-block text-sm font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
            >
              Open the whole document
            </a>
          ) : reading ? (
            <p className="text-sm text-stone-600">Members who sign in can read the passage in its context and the whole document.</p>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  )
}
