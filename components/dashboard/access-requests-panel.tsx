'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { useApiQuery } from '@/lib/client/use-api-query'
import { accessRequestListResponseSchema } from '@/lib/contracts/requests'
import { AccessRequestRow } from './access-request-row'
import { RequestOutcome } from './request-outcome'

/** The tenant's requests to join: the pending ones to decide, and the latest decisions. */
export function AccessRequestsPanel({ slug }: { slug: string }) {
  const { data, error, reload } = useApiQuery(`/api/tenant/${slug}/access-requests`, accessRequestListResponseSchema)
  const [notice, setNotice] = useState<string | null>(null)
  const pending = data?.requests.filter((request) => request.status === 'pending') ?? []
  const decided = data?.requests.filter((request) => request.status !== 'pending').slice(0, 20) ?? []
  const decidedNow = (text: string) => {
    setNotice(text)
    reload()
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Pending requests" description="People who signed in and asked to join. Approving makes them a member at once." />
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {!data && !error ? <p className="text-stone-600">Loading…</p> : null}
        {data && pending.length === 0 ? <EmptyState title="No pending requests">New requests to join appear here.</EmptyState> : null}
        {pending.length > 0 ? (
          <ul aria-label="Pending requests" className="divide-y divide-stone-200">
            {pending.map((request) => (
              <AccessRequestRow key={request.id} slug={slug} request={request} onDecided={decidedNow} />
            ))}
          </ul>
        ) : null}
      </Card>
      {decided.length > 0 ? (
        <Card>
          <CardHeader title="Decided" description="The latest decisions; each one is also in the audit log." />
          <ul aria-label="Decided requests" className="divide-y divide-stone-200">
            {decided.map((request) => (
              <li key={request.id} className="py-3">
                <RequestOutcome
                  title={request.email}
                  status={request.status}
                  detail={request.status === 'approved' ? `as ${request.role}` : null}
                  note={request.decisionNote}
                  decidedAt={request.decidedAt}
                />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}
