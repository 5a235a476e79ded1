import type { ReactNode } from 'react'
import { formatNumber } from '@/lib/client/format'

export type BreakdownRow = { key: string; label: ReactNode; up: number; down: number }

/**
 * Thumbs up and down per group as rows with a proportion bar: as readable on a phone as
 * on a laptop, no table to scroll sideways. The bar is decoration; the counts are text.
 */
export function FeedbackBreakdown({ rows, label, empty }: { rows: BreakdownRow[]; label: string; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-stone-600">{empty}</p>
  return (
    <ul className="space-y-3" aria-label={label}>
      {rows.map((row) => {
        const total = row.up + row.down
        const upShare = total === 0 ? 0 : Math.round((row.up / total) * 100)
        return (
          <li key={row.key}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="min-w-0 font-medium break-words text-stone-900">{row.label}</span>
              <span className="text-stone-700 tabular-nums">
                {formatNumber(row.up)} up · {formatNumber(row.down)} down
              </span>
            </div>
            <div className="mt-1 flex h-2 overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
              <div className="bg-emerald-600" style={{ width: `${upShare}%` }} />
              <div className="bg-red-600" style={{ width: `${total === 0 ? 0 : 100 - upShare}%` }} />
            </div>
          </li>
        )
      })}
    </ul>
  )
}
