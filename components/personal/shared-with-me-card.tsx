'use client'

import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { useApiQuery } from '@/lib/client/use-api-query'
import { shareListSchema } from '@/lib/contracts/shares'

const KIND = { document: 'Document', advisor: 'Advisor', conversation: 'Conversation' } as const

/** What others here share with the caller: documents the assistant now uses for them, advisors, conversations to read. */
export function SharedWithMeCard({ slug, basePath }: { slug: string; basePath: string }) {
  const { data, error } = useApiQuery(`/api/tenant/${encodeURIComponent(slug)}/shares`, shareListSchema)
  return (
    <Card>
      <CardHeader title="Shared with you" description="Read-only, for as long as their owners share them." />
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {data && data.sharedWithMe.length === 0 ? (
        <EmptyState title="Nothing shared with you yet">
          When someone shares a document or a conversation with you, it shows here.
        </EmptyState>
      ) : null}
      {data && data.sharedWithMe.length > 0 ? (
        <ul className="divide-y divide-stone-200" aria-label="Shared with you">
          {data.sharedWithMe.map((share) => (
            <li key={share.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              {share.resourceType === 'conversation' ? (
                <a href={`${basePath}/shared/${share.resourceId}`} className="font-medium break-words text-indigo-800 underline">
                  {share.resourceTitle}
                </a>
              ) : (
                <span className="font-medium break-words text-stone-900">{share.resourceTitle}</span>
              )}
              <span className="text-sm text-stone-600">{KIND[share.resourceType]}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  )
}
