import { formatBytes, formatNumber } from '@/lib/client/format'
import type { PeriodUsage } from '@/lib/contracts/usage'

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

export function UsageHistoryTable({ periods }: { periods: PeriodUsage[] }) {
  if (periods.length === 0) return <p className="text-sm text-stone-600">No earlier months yet.</p>
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <thead className="text-xs tracking-wide text-stone-600 uppercase">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Month
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Conversations
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Tokens
            </th>
            <th scope="col" className="py-1 text-right">
              Storage
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {periods.map((period) => (
            <tr key={period.period}>
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {monthFormat.format(new Date(`${period.period}T00:00:00Z`))}
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums">{formatNumber(period.conversations)}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">{formatNumber(period.tokens)}</td>
              <td className="py-1.5 text-right tabular-nums">{formatBytes(period.storageBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
