'use client'

import { Alert } from '@/components/ui/alert'
import { Card } from '@/components/ui/card'
import { formatDateTime } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { sharedConversationSchema } from '@/lib/contracts/shares'

/** A conversation someone shared with the caller, read-only. */
export function SharedConversationView({ slug, id }: { slug: string; id: string }) {
  const { data, error } = useApiQuery(
    `/api/tenant/${encodeURIComponent(slug)}/shared/conversations/${encodeURIComponent(id)}`,
    sharedConversationSchema,
  )
  if (error) return <Alert tone="error">{error.message}</Alert>
  if (!data) return <p className="text-stone-600">Loading the conversation…</p>
  return (
    <Card>
      <h2 className="text-lg font-semibold break-words text-stone-900">{data.title}</h2>
      <ol className="mt-4 space-y-4" aria-label="Messages">
        {data.messages.map((message) => (
          <li key={message.id} className={message.role === 'user' ? 'rounded-xl bg-stone-100 p-3' : 'p-3'}>
            <p className="text-xs text-stone-600">
              {message.role === 'user' ? 'Question' : 'Answer'} · {formatDateTime(message.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words text-stone-900">{message.content}</p>
            {message.sources.length > 0 ? (
              <p className="mt-2 text-sm text-stone-600">Sources: {message.sources.map((source) => source.title).join(', ')}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  )
}
