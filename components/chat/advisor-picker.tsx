'use client'

import type { Advisor } from '@/lib/contracts/advisors'

/** The advisors a member may ask, for a new conversation; none chosen = the tenant's assistant over all its knowledge. */
export function AdvisorPicker({
  advisors,
  value,
  onChange,
  assistantName,
}: {
  advisors: Advisor[]
  value: string | null
  onChange: (id: string | null) => void
  assistantName: string
}) {
  if (advisors.length === 0) return null
  return (
    <fieldset className="mt-6 text-left">
      <legend className="text-sm font-medium text-stone-600">Ask</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {[{ id: null, name: assistantName, color: null }, ...advisors].map((advisor) => {
          const chosen = value === advisor.id
          return (
            <button
              key={advisor.id ?? 'tenant'}
              type="button"
              aria-pressed={chosen}
              onClick={() => onChange(advisor.id)}
              className={`inline-flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm ${
                chosen
                  ? 'border-indigo-500 bg-indigo-50 text-indigo-900'
                  : 'border-stone-300 bg-white text-stone-800 hover:border-indigo-300'
              }`}
            >
              <span
                aria-hidden
                className="h-3 w-3 rounded-full border border-stone-300"
                style={{ backgroundColor: advisor.color ?? undefined }}
              />
              {advisor.name}
            </button>
          )
        })}
      </div>
    </fieldset>
  )
}
