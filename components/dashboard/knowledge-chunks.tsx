import { Badge } from '@/components/ui/badge'
import { formatNumber } from '@/lib/client/format'
import type { KnowledgeChunk } from '@/lib/contracts/knowledge'

/** A document's passages as the assistant retrieves them, each with its heading and token count. */
export function KnowledgeChunks({ chunks }: { chunks: KnowledgeChunk[] }) {
  if (chunks.length === 0) return <p className="text-sm text-stone-600">This document has no passages yet.</p>
  return (
    <ol className="space-y-3" aria-label="Passages">
      {chunks.map((chunk) => (
        <li key={chunk.index} className="rounded-lg border border-stone-200 bg-stone-50 p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="min-w-0 font-medium break-words text-stone-900">
              <span className="mr-2 font-mono text-xs text-stone-600">#{chunk.index + 1}</span>
              {chunk.heading ?? <span className="text-stone-600">No heading</span>}
            </p>
            <Badge>{chunk.tokenCount === 1 ? '1 token' : `${formatNumber(chunk.tokenCount)} tokens`}</Badge>
          </div>
          <p className="mt-2 text-sm break-words whitespace-pre-wrap text-stone-800">{chunk.content}</p>
        </li>
      ))}
    </ol>
  )
}
