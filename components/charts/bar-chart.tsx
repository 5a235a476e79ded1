import { useId } from 'react'
import { formatCompact, formatNumber } from '@/lib/client/format'

export type Bar = { label: string; value: number }

const WIDTH = 640
const HEIGHT = 220
const PAD = { top: 14, right: 8, bottom: 34, left: 48 }

function niceMax(value: number): number {
  if (value <= 0) return 1
  const magnitude = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= value) ?? 10
  return step * magnitude
}

/**
 * A bar chart drawn as SVG. Screen readers get a summary and the numbers as a table
 * (the picture itself is hidden from them), and each bar carries a tooltip.
 */
export function BarChart({
  title,
  bars,
  unit,
  colour = 'fill-indigo-600',
  period = 'in all',
}: {
  title: string
  bars: Bar[]
  unit: string
  colour?: string
  /** How the caption names the span the total covers ("in the last 30 days"). */
  period?: string
}) {
  const id = useId()
  const max = niceMax(Math.max(0, ...bars.map((bar) => bar.value)))
  const plotWidth = WIDTH - PAD.left - PAD.right
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const slot = plotWidth / Math.max(1, bars.length)
  const barWidth = Math.max(2, slot * 0.7)
  const labelEvery = Math.ceil(bars.length / 6)
  const last = bars.length - 1
  // The newest bar always has its date; a regular label too close to it gives way.
  const labelled = (index: number) => index === last || (index % labelEvery === 0 && last - index >= labelEvery)
  const total = bars.reduce((sum, bar) => sum + bar.value, 0)
  // Counts are whole numbers: a half-way line only when it falls on one.
  const ticks = Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max]

  return (
    <figure className="w-full">
      <figcaption id={`${id}-caption`} className="mb-2 text-sm font-medium text-stone-800">
        {title}{' '}
        <span className="font-normal text-stone-600">
          · {formatNumber(total)} {period}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" aria-hidden="true" focusable="false">
        {ticks.map((tick) => {
          const y = PAD.top + plotHeight - (tick / max) * plotHeight
          return (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} className="stroke-stone-200" strokeWidth="1" />
              <text x={PAD.left - 8} y={y + 5} textAnchor="end" className="fill-stone-600 text-[15px]">
                {formatCompact(tick)}
              </text>
            </g>
          )
        })}
        {bars.map((bar, index) => {
          const height = (bar.value / max) * plotHeight
          const x = PAD.left + index * slot + (slot - barWidth) / 2
          return (
            <g key={bar.label}>
              <rect x={x} y={PAD.top + plotHeight - height} width={barWidth} height={height} rx="2" className={colour}>
                <title>{`${bar.label}: ${formatNumber(bar.value)} ${unit}`}</title>
              </rect>
              {labelled(index) ? (
                <text
                  x={index === last && bars.length > 1 ? x + barWidth : x + barWidth / 2}
                  y={HEIGHT - 10}
                  textAnchor={index === last && bars.length > 1 ? 'end' : 'middle'}
                  className="fill-stone-600 text-[15px]"
                >
                  {bar.label}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      {/* A table ignores the 1px height of sr-only, so a wrapper hides it instead. */}
      <div className="sr-only">
        <table aria-labelledby={`${id}-caption`}>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{bar.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
