'use client'

import { useRef, type ReactNode } from 'react'
import { CopyButton } from './copy-button'

/**
 * A fenced code block of an answer or passage: its language named, a Copy code button that
 * copies the code as written (the text of the highlighted spans, not their markup).
 */
export function CodeBlock({ language, children }: { language: string | null; children: ReactNode }) {
  const pre = useRef<HTMLPreElement>(null)
  return (
    <div className="my-3 overflow-hidden rounded-lg border border-stone-200 bg-stone-100">
      <div className="flex items-center justify-between gap-2 border-b border-stone-200 px-3 py-1 text-xs text-stone-600">
        <span className="font-mono">{language ?? 'code'}</span>
        <span className="flex items-center gap-1.5">
          <CopyButton
            text={() => pre.current?.textContent ?? ''}
            label="Copy code"
            className="rounded-md px-1.5 py-0.5 font-medium text-stone-700 hover:bg-stone-200"
          />
        </span>
      </div>
      <pre ref={pre} className="overflow-x-auto p-3 text-sm leading-relaxed">
        {children}
      </pre>
    </div>
  )
}
