'use client'

import { Button } from './button'

/** What an error boundary shows: a plain apology and a way to try again, never the error itself. */
export function ErrorPanel({ reset, digest }: { reset: () => void; digest?: string }) {
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Something went wrong</h1>
      <p className="mt-2 text-stone-700">The page could not be shown. Please try again in a moment.</p>
      {digest ? <p className="mt-2 font-mono text-xs text-stone-600">Reference: {digest}</p> : null}
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  )
}
