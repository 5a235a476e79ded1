const dotColours: Record<string, string> = {
  fire: 'bg-fire',
  water: 'bg-water',
  earth: 'bg-earth',
  air: 'bg-air',
  aether: 'bg-aether',
}

const phaseNames: Record<number, string> = { 1: 'beginning', 2: 'deepening', 3: 'integrating' }

/** The engine's reading of a message: a coloured dot, the element and phase, in a quiet pill. */
export function ElementBadge({ element, phase, facet }: { element: string | null; phase?: number | null; facet?: string | null }) {
  if (!element) return null
  const phaseText = phase ? ` · phase ${phase}` : ''
  const title = [facet, phase ? `Phase ${phase}: ${phaseNames[phase] ?? ''}` : ''].filter(Boolean).join(' — ')
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-stone-200 bg-stone-50 px-2 py-0.5 text-xs text-stone-700"
      title={title || undefined}
    >
      <span aria-hidden className={`size-2 rounded-full ${dotColours[element] ?? 'bg-stone-400'}`} />
      <span>
        <span className="sr-only">Reading: </span>
        {element}
        {phaseText}
      </span>
    </span>
  )
}
