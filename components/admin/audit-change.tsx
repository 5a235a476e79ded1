/** A before/after pair, folded away until asked for: summaries can be long JSON. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="text-stone-500">—</span>
  return (
    <details className="max-w-md">
      <summary className="cursor-pointer rounded text-indigo-700 hover:underline">Show change</summary>
      <div className="mt-2 grid gap-2 text-xs">
        {before != null ? (
          <div>
            <p className="font-semibold text-stone-700">Before</p>
            <pre className="overflow-x-auto rounded bg-stone-100 p-2 whitespace-pre-wrap">{JSON.stringify(before, null, 2)}</pre>
          </div>
        ) : null}
        {after != null ? (
          <div>
            <p className="font-semibold text-stone-700">After</p>
            <pre className="overflow-x-auto rounded bg-stone-100 p-2 whitespace-pre-wrap">{JSON.stringify(after, null, 2)}</pre>
          </div>
        ) : null}
      </div>
    </details>
  )
}
