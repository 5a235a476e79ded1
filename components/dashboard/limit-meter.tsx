import { ProgressBar } from '@/components/ui/progress-bar'

/** One limit: what is used, of how much, and a bar that turns amber near and red at the limit. */
export function LimitMeter({ label, used, limit, percent }: { label: string; used: string; limit: string | null; percent: number | null }) {
  const tone = percent === null ? 'green' : percent >= 100 ? 'red' : percent >= 80 ? 'amber' : 'indigo'
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
      <p className="text-sm font-medium text-stone-700">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-stone-900 tabular-nums">
        {used}
        <span className="text-base font-normal text-stone-600"> / {limit ?? 'unlimited'}</span>
      </p>
      <div className="mt-3">
        {percent === null ? (
          <p className="text-xs text-stone-600">No limit on this plan.</p>
        ) : (
          <ProgressBar value={percent} label={`${label}: ${percent}% of the limit used`} tone={tone} />
        )}
      </div>
      {percent !== null ? <p className="mt-1 text-xs text-stone-600">{percent >= 100 ? 'Limit reached' : `${percent}% used`}</p> : null}
    </div>
  )
}
