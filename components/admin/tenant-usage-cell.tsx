'use client'

import { useEffect, useState } from 'react'
import { ProgressBar } from '@/components/ui/progress-bar'
import { apiFetch } from '@/lib/client/api'
import { formatLimit, formatNumber } from '@/lib/client/format'
import { usageReportResponseSchema, type UsageReport } from '@/lib/contracts/usage'

/** This month's conversations against the limit, fetched per row so the list renders at once. */
export function TenantUsageCell({ tenantId, limit }: { tenantId: string; limit: number | null }) {
  const [report, setReport] = useState<UsageReport | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    apiFetch(`/api/admin/tenants/${tenantId}/usage`, usageReportResponseSchema)
      .then(setReport)
      .catch(() => setFailed(true))
  }, [tenantId])

  if (failed) return <span className="text-stone-600">unavailable</span>
  if (!report) return <span className="text-stone-600">…</span>
  const percent = report.current.percentUsed.conversations
  return (
    <div className="min-w-[9rem]">
      <span className="tabular-nums">
        {formatNumber(report.current.conversations)} / {formatLimit(limit)}
      </span>
      {percent !== null ? (
        <div className="mt-1">
          <ProgressBar
            value={percent}
            label={`${percent}% of the conversation limit used`}
            tone={percent >= 100 ? 'red' : percent >= 80 ? 'amber' : 'indigo'}
          />
        </div>
      ) : null}
    </div>
  )
}
