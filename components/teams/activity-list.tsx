'use client'

import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { formatBytes, formatDateTime, formatNumber } from '@/lib/client/format'
import { useApiQuery } from '@/lib/client/use-api-query'
import { memberActivityListSchema, myActivitySchema, type MemberActivity } from '@/lib/contracts/activity'

function ActivityFacts({ activity }: { activity: MemberActivity }) {
  const facts: [string, string][] = [
    ['Last active', activity.lastActiveAt ? formatDateTime(activity.lastActiveAt) : 'Not yet'],
    ['Conversations', formatNumber(activity.conversations)],
    ['Uploads', formatNumber(activity.uploads)],
    ['Personal documents', `${formatNumber(activity.personalDocuments)} (${formatBytes(activity.personalBytes)})`],
    ['Answers rated', formatNumber(activity.feedback)],
  ]
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-stone-600">{label}</dt>
          <dd className="font-medium text-stone-900">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Each member's activity, for the tenant's admins: personal documents by count and size only. */
export function MemberActivityList({ tenantId }: { tenantId: string }) {
  const { data, error } = useApiQuery(`/api/admin/tenants/${tenantId}/activity`, memberActivityListSchema)
  return (
    <Card>
      <CardHeader
        title="Members"
        description="What each member has done here. Their personal documents are theirs: you see how many and how large, never what they say."
      />
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      <ul className="divide-y divide-stone-200" aria-label="Member activity">
        {(data?.members ?? []).map((member) => (
          <li key={member.userId} className="space-y-2 py-3">
            <p className="font-medium break-all text-stone-900">
              {member.email} <span className="text-sm font-normal text-stone-600">({member.role})</span>
            </p>
            <ActivityFacts activity={member} />
          </li>
        ))}
      </ul>
    </Card>
  )
}

/** The signed-in member's own activity in this tenant, on the account page. */
export function MyActivityCard({ slug }: { slug: string }) {
  const { data, error } = useApiQuery(`/api/tenant/${encodeURIComponent(slug)}/my/activity`, myActivitySchema)
  return (
    <Card>
      <CardHeader title="Your activity here" />
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {data ? <ActivityFacts activity={data.activity} /> : null}
    </Card>
  )
}
