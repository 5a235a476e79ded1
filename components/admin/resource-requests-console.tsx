'use client'

import { useState } from 'react'
import { RequestOutcome } from '@/components/dashboard/request-outcome'
import { describeResourceRequest } from '@/components/dashboard/resource-request-text'
import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { useApiQuery } from '@/lib/client/use-api-query'
import { resourceRequestListResponseSchema } from '@/lib/contracts/requests'
import { ResourceRequestDecision } from './resource-request-decision'

/** The console's requests from tenants: the pending ones to decide (oldest first), then the latest decisions. */
export function ResourceRequestsConsole() {
  const { data, error, reload } = useApiQuery('/api/admin/resource-requests', resourceRequestListResponseSchema)
  const [notice, setNotice] = useState<string | null>(null)
  const pending = data?.requests.filter((request) => request.status === 'pending') ?? []
  const decided = data?.requests.filter((request) => request.status !== 'pending').slice(0, 30) ?? []
  const decidedNow = (text: string) => {
    setNotice(text)
    reload()
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Pending" description="Approving applies the change to the tenant at once and records it in its audit log." />
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {!data && !error ? <p className="text-stone-600">Loading…</p> : null}
        {data && pending.length === 0 ? (
          <EmptyState title="Nothing to decide">Requests from tenants’ admins appear here.</EmptyState>
        ) : null}
        {pending.length > 0 ? (
          <ul aria-label="Pending requests" className="divide-y divide-stone-200">
            {pending.map((request) => (
              <ResourceRequestDecision key={request.id} request={request} onDecided={decidedNow} />
            ))}
          </ul>
        ) : null}
      </Card>
      {decided.length > 0 ? (
        <Card>
          <CardHeader title="Decided" />
          <ul aria-label="Decided requests" className="divide-y divide-stone-200">
            {decided.map((request) => (
              <li key={request.id} className="py-3">
                <RequestOutcome
                  title={`${request.tenantName}: ${describeResourceRequest(request)}`}
                  status={request.status}
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
