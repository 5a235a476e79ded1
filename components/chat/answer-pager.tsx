/** "2 / 3" with previous and next: pages between the answers a question was given. */
export function AnswerPager({ index, count, onPage }: { index: number; count: number; onPage: (index: number) => void }) {
  const button = 'rounded-md px-1.5 py-0.5 text-stone-600 hover:bg-stone-200 disabled:opacity-40'
  return (
    <span className="inline-flex items-center gap-1 text-xs text-stone-700" role="group" aria-label="Answers to this question">
      <button type="button" className={button} disabled={index === 0} onClick={() => onPage(index - 1)} aria-label="Previous answer">
        ‹
      </button>
      <span aria-live="polite">
        {index + 1} / {count}
      </span>
      <button type="button" className={button} disabled={index === count - 1} onClick={() => onPage(index + 1)} aria-label="Next answer">
        ›
      </button>
    </span>
  )
}
