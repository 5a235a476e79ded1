import type { ReactNode } from 'react'

export type BadgeTone = 'neutral' | 'green' | 'amber' | 'red' | 'indigo' | 'sky'

const tones: Record<BadgeTone, string> = {
  neutral: 'bg-stone-100 text-stone-700 ring-stone-300',
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  amber: 'bg-amber-50 text-amber-900 ring-amber-300',
  red: 'bg-red-50 text-red-800 ring-red-300',
  indigo: 'bg-indigo-50 text-indigo-800 ring-indigo-300',
  sky: 'bg-sky-50 text-sky-900 ring-sky-300',
}

export function Badge({ tone = 'neutral', children, className = '' }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]} ${className}`}
    >
      {children}
    </span>
  )
}

const statusTones: Record<string, BadgeTone> = { active: 'green', trial: 'sky', suspended: 'amber', cancelled: 'red' }

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={statusTones[status] ?? 'neutral'}>{status}</Badge>
}
