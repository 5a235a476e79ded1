import { Badge, type BadgeTone } from '@/components/ui/badge'
import { formatDateTime } from '@/lib/client/format'
import type { RequestStatus } from '@/lib/contracts/requests'

const tones: Record<RequestStatus, BadgeTone> = { pending: 'sky', approved: 'green', rejected: 'red' }

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return <Badge tone={tones[status]}>{status}</Badge>
}

/** One decided (or pending) request in a list: what it was, its status, when, and the decision's note. */
export function RequestOutcome({
  title,
  status,
  detail,
  note,
  decidedAt,
}: {
  title: string
  status: RequestStatus
  detail?: string | null
  note: string | null
  decidedAt: string | null
}) {
  return (
    <div className="min-w-0 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium break-all text-stone-900">{title}</span>
        <RequestStatusBadge status={status} />
        {detail ? <span className="text-stone-700">{detail}</span> : null}
      </p>
      {decidedAt ? <p className="mt-0.5 text-stone-600">Decided {formatDateTime(decidedAt)}</p> : null}
      {note ? <p className="mt-1 text-stone-800">Note: {note}</p> : null}
    </div>
  )
}
