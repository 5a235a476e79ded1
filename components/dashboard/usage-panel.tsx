'use client'

import { BarChart } from '@/components/charts/bar-chart'
import { ElementDistribution } from '@/components/charts/element-distribution'
import { Alert } from '@/components/ui/alert'
import { Card, CardHeader } from '@/components/ui/card'
import { useApiQuery } from '@/lib/client/use-api-query'
import { formatBytes, formatDay, formatLimit, formatMonth, formatNumber } from '@/lib/client/format'
import { usageReportResponseSchema, type UsageReport } from '@/lib/contracts/usage'
import { LimitMeter } from './limit-meter'
import { UsageHistoryTable } from './usage-history-table'

function elementTotals(report: UsageReport): Record<string, number> {
  const totals: Record<string, number> = {}
  for (const day of report.daily) {
    for (const [element, count] of Object.entries(day.elementCounts)) totals[element] = (totals[element] ?? 0) + (count ?? 0)
  }
  return totals
}

/** This month against the limits, the last 30 days as charts, and earlier months; `version` changes fetch it again. */
export function UsagePanel({ tenantId, version = 0 }: { tenantId: string; version?: number }) {
  const { data: report, error } = useApiQuery(`/api/admin/tenants/${tenantId}/usage`, usageReportResponseSchema, version)

  if (error && !report) return <Alert tone="error">{error.message}</Alert>
  if (!report) return <p className="text-stone-600">Loading usage…</p>
  const { current } = report
  const month = formatMonth(current.period)
  const storageLimit = current.limits.storageMb === null ? null : formatBytes(current.limits.storageMb * 1024 * 1024)
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <LimitMeter
          label={`Conversations in ${month}`}
          used={formatNumber(current.conversations)}
          limit={current.limits.conversationsPerMonth === null ? null : formatLimit(current.limits.conversationsPerMonth)}
          percent={current.percentUsed.conversations}
        />
        <LimitMeter
          label={`Tokens in ${month}`}
          used={formatNumber(current.tokens)}
          limit={current.limits.tokensPerMonth === null ? null : formatLimit(current.limits.tokensPerMonth)}
          percent={current.percentUsed.tokens}
        />
        <LimitMeter label="Storage" used={formatBytes(current.storageBytes)} limit={storageLimit} percent={current.percentUsed.storage} />
        <LimitMeter label={`Messages in ${month}`} used={formatNumber(current.messages)} limit={null} percent={null} />
      </div>
      <Card>
        <CardHeader title="Last 30 days" description="Per day (UTC), today last." />
        <div className="grid gap-6 lg:grid-cols-2">
          <BarChart
            title="Conversations per day"
            unit="conversations"
            period="in the last 30 days"
            bars={report.daily.map((day) => ({ label: formatDay(day.day), value: day.conversations }))}
          />
          <BarChart
            title="Tokens per day"
            unit="tokens"
            period="in the last 30 days"
            colour="fill-teal-600"
            bars={report.daily.map((day) => ({ label: formatDay(day.day), value: day.tokens }))}
          />
        </div>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Element distribution" description="How the engine read the answers of the last 30 days." />
          <ElementDistribution counts={elementTotals(report)} />
        </Card>
        <Card>
          <CardHeader title="Earlier months" />
          <UsageHistoryTable periods={report.periods} />
        </Card>
      </div>
    </div>
  )
}
