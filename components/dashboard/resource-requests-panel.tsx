'use client'

import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { formatDateTime } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { resourceRequestListResponseSchema } from '@/lib/contracts/requests'
import type { Limits, PlanTier } from '@/lib/contracts/tenants'
import { RequestOutcome } from './request-outcome'
import { describeResourceRequest } from './resource-request-text'
import { ResourceRequestForm } from './resource-request-form'

type Props = { tenantId: string; planTier: PlanTier; limits: Limits }

/** Asking the platform for more, and every request's outcome. */
export function ResourceRequestsPanel({ tenantId, planTier, limits }: Props) {
  const { data, error, reload } = useApiQuery(`/api/admin/tenants/${tenantId}/resource-requests`, resourceRequestListResponseSchema)
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Ask the platform"
          description="The platform’s admins approve or decline, with a note; an approval applies at once."
        />
        <ResourceRequestForm tenantId={tenantId} planTier={planTier} limits={limits} onFiled={reload} />
      </Card>
      <Card>
        <CardHeader title="Your requests" description="Newest first, with the platform’s answer." />
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        {!data && !error ? <p className="text-stone-600">Loading…</p> : null}
        {data && data.requests.length === 0 ? <EmptyState title="No requests yet">What you ask for appears here.</EmptyState> : null}
        {data && data.requests.length > 0 ? (
          <ul aria-label="Requests to the platform" className="divide-y divide-stone-200">
            {data.requests.map((request) => (
              <li key={request.id} className="py-3">
                <RequestOutcome
                  title={describeResourceRequest(request)}
                  status={request.status}
                  detail={`asked ${formatDateTime(request.createdAt)}`}
                  note={request.decisionNote}
                  decidedAt={request.decidedAt}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </div>
  )
}
