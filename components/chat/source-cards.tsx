'use client'

import { useState } from 'react'
import { Dialog } from '@/components/ui/dialog'
import type { KnowledgeSource } from '@/lib/contracts/oracle'
import { SafeMarkdown } from './safe-markdown'

function scoreText(score: number): string {
  return score <= 1 ? `${Math.round(score * 100)}% match` : `score ${score.toFixed(2)}`
}

/** The passages an answer drew on; each opens the cited text in a dialog. */
export function SourceCards({ sources }: { sources: KnowledgeSource[] }) {
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
              <span className="sr-only">: open the cited passage</span>
            </button>
          </li>
        ))}
      </ul>
      <Dialog open={open !== null} onClose={() => setOpen(null)} title={open?.title ?? 'Source'}>
        {open ? (
          <div>
            <p className="mb-3 text-sm text-stone-600">Relevance: {scoreText(open.score)}</p>
            <blockquote className="rounded-lg border-l-4 border-indigo-300 bg-stone-50 p-4 text-stone-800">
              <SafeMarkdown text={open.snippet || 'No passage text was returned for this source.'} />
            </blockquote>
          </div>
        ) : null}
      </Dialog>
    </div>
  )
}
