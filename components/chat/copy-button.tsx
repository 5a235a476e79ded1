'use client'

import { useState } from 'react'
import { copyText } from '@/lib/client/clipboard'

const SHOWN_MS = 2000

/** Copies `text` (read when clicked, if a function); says so (or that it could not) for a moment. */
export function CopyButton({
  text,
  label = 'Copy',
  className = '',
}: {
  text: string | (() => string)
  label?: string
  className?: string
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  async function copy() {
    const copied = await copyText(typeof text === 'function' ? text() : text)
    setState(copied ? 'copied' : 'failed')
    setTimeout(() => setState('idle'), SHOWN_MS)
  }

  return (
    <>
      <button type="button" onClick={() => void copy()} className={className}>
        {label}
      </button>
      <span role="status" className="text-xs text-stone-600">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </>
  )
}
