/** A labelled progress bar; `value` is 0..100. */
export function ProgressBar({
  value,
  label,
  tone = 'indigo',
}: {
  value: number
  label: string
  tone?: 'indigo' | 'amber' | 'red' | 'green'
}) {
  const fill = { indigo: 'bg-indigo-600', amber: 'bg-amber-500', red: 'bg-red-600', green: 'bg-emerald-600' }[tone]
  const clamped = Math.max(0, Math.min(100, Math.round(value)))
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      className="h-2 w-full overflow-hidden rounded-full bg-stone-200"
    >
      <div className={`h-full rounded-full transition-[width] ${fill}`} style={{ width: `${clamped}%` }} />
    </div>
  )
}
