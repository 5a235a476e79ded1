const ELEMENTS = [
  { name: 'Fire', colour: 'bg-fire', text: 'vision and drive' },
  { name: 'Water', colour: 'bg-water', text: 'feeling and connection' },
  { name: 'Earth', colour: 'bg-earth', text: 'practical steps' },
  { name: 'Air', colour: 'bg-air', text: 'clarity and ideas' },
  { name: 'Aether', colour: 'bg-aether', text: 'meaning, the centre' },
]

/** The engine's five elements, each with its colour, as a compact legend. */
export function ElementStrip() {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {ELEMENTS.map((element) => (
        <li key={element.name} className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm">
          <span aria-hidden className={`mb-2 block h-1.5 w-10 rounded-full ${element.colour}`} />
          <span className="block font-semibold text-stone-900">{element.name}</span>
          <span className="block text-sm text-stone-600">{element.text}</span>
        </li>
      ))}
    </ul>
  )
}
