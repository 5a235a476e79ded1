import type { Segment } from '@/lib/client/passage-marks'

/** Plain text with its cited parts in <mark>; the first mark carries `firstMarkId` so a page can link to it. */
export function MarkedText({ segments, firstMarkId }: { segments: Segment[]; firstMarkId?: string }) {
  const first = segments.findIndex((segment) => segment.marked)
  return (
    <>
      {segments.map((segment, index) =>
        segment.marked ? (
          <mark
            key={index}
            id={index === first ? firstMarkId : undefined}
            className="rounded-sm bg-amber-100 px-0.5 text-stone-900 ring-1 ring-amber-300"
          >
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  )
}
