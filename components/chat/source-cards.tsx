'use client'

import { useState } from 'react'
import type { KnowledgeSource } from '@/lib/contracts/oracle'
import { SourceDialog, type SourceReading } from './source-dialog'

/** The passages an answer drew on; each opens the cited text in a dialog. */
export function SourceCards({ sources, reading }: { sources: KnowledgeSource[]; reading?: SourceReading }) {
  const [open, setOpen] = useState<KnowledgeSource | null>(null)
  if (sources.length === 0) return null
  return (
    <div className="mt-3">
      <p className="mb-1.5 text-xs font-medium tracking-wide text-stone-600 uppercase">Sources</p>
      <ul className="flex flex-wrap gap-2">
        {sources.map((source, index) => (
          <li key={`${source.id}-${index}`}>
            <button
              type="button"
              onClick={() => setOpen(source)}
              className="flex max-w-[16rem] items-center gap-2 rounded-lg border border-stone-200 bg-white px-2.5 py-1.5 text-left text-sm text-stone-800 shadow-sm hover:border-indigo-300 hover:bg-indigo-50"
            >
              <span
                aria-hidden
                className="flex size-5 shrink-0 items-center justify-center rounded bg-indigo-100 text-xs font-semibold text-indigo-800"
              >
                {index + 1}
              </span>
              <span className="truncate">{source.title}</span>
              {source.origin ? (
                <span className="shrink-0 text-xs text-stone-600">
                  <span className="sr-only">, from </span>
                  {source.origin.kind === 'personal' ? 'Personal' : source.origin.name}
                </span>
              ) : null}
              <span className="sr-only">: open the cited passage</span>
            </button>
          </li>
        ))}
      </ul>
      <SourceDialog source={open} reading={reading} onClose={() => setOpen(null)} />
    </div>
  )
}
