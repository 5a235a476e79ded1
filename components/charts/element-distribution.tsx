import { ELEMENTS } from '@/lib/engine/elements'
import { formatNumber } from '@/lib/client/format'

const fills: Record<string, string> = { fire: 'bg-fire', water: 'bg-water', earth: 'bg-earth', air: 'bg-air', aether: 'bg-aether' }

/** How conversations were read, per element: a labelled horizontal bar per element. */
export function ElementDistribution({ counts }: { counts: Record<string, number> }) {
  const total = ELEMENTS.reduce((sum, element) => sum + (counts[element] ?? 0), 0)
  if (total === 0) return <p className="text-sm text-stone-600">No answers yet this period.</p>
  return (
    <dl className="space-y-2">
      {ELEMENTS.map((element) => {
        const value = counts[element] ?? 0
        const share = Math.round((value / total) * 100)
        return (
          <div key={element} className="grid grid-cols-[4.5rem_1fr_5.5rem] items-center gap-3 text-sm">
            <dt className="font-medium text-stone-800 capitalize">{element}</dt>
            <dd className="h-3 overflow-hidden rounded-full bg-stone-100" aria-hidden="true">
              <div className={`h-full rounded-full ${fills[element]}`} style={{ width: `${share}%` }} />
            </dd>
            <dd className="text-right text-stone-700 tabular-nums">
              {formatNumber(value)} <span className="text-stone-600">({share}%)</span>
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
