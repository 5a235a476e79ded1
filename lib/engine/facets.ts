import type { CycleElement, Element, Phase } from './elements'

export type FacetId = `${CycleElement}-${Phase}` | 'aether'

export interface Facet {
  id: FacetId
  name: string
  element: Element
  /** The centre facet belongs to every phase. */
  phase: Phase | 'any'
  /** How the assistant should shape its answer when the conversation sits here. */
  guidance: string
}

type CycleFacet = Facet & { id: `${CycleElement}-${Phase}`; element: CycleElement; phase: Phase }

function facet(element: CycleElement, phase: Phase, title: string, guidance: string): CycleFacet {
  const label = element.charAt(0).toUpperCase() + element.slice(1)
  return { id: `${element}-${phase}`, name: `${label} ${phase} — ${title}`, element, phase, guidance }
}

/** The twelve facets of the cycle, in element order then phase order. */
export const FACETS: readonly CycleFacet[] = [
  facet(
    'fire',
    1,
    'Spark of Vision',
    'Kindle the emerging vision: reflect back what the person wants to create and invite one bold first step.',
  ),
  facet(
    'fire',
    2,
    'Forge of Will',
    'Honour the struggle to keep the fire alive: name what drains the drive and help them recommit with courage, without pushing past their limits.',
  ),
  facet(
    'fire',
    3,
    'Radiant Leadership',
    'Affirm the vision they have embodied and help them carry it outward: leading, inspiring and passing the flame on.',
  ),
  facet(
    'water',
    1,
    'Opening of Feeling',
    'Meet the feeling gently: acknowledge what is stirring, make room for it and ask what it wants them to notice.',
  ),
  facet(
    'water',
    2,
    'Depths of the Heart',
    'Stay with the difficult emotion or relationship without rushing to fix it; offer compassion first, then one small way to tend to it.',
  ),
  facet(
    'water',
    3,
    'Healing Flow',
    'Reflect the healing that has taken place and help them turn what they have felt into care for themselves and others.',
  ),
  facet(
    'earth',
    1,
    'Seed of Form',
    'Be concrete and practical: help them name the first tangible step, the resources they have and a simple plan to begin.',
  ),
  facet(
    'earth',
    2,
    'Roots and Structure',
    'Help them build the structure that holds: routines, budgets, boundaries and steady habits; keep advice specific and doable.',
  ),
  facet(
    'earth',
    3,
    'Harvest',
    'Recognise what they have built and help them sustain it, refine the system and share the practical know-how.',
  ),
  facet(
    'air',
    1,
    'First Breath of Insight',
    'Offer clarity: explain plainly, define terms and help them frame the question they are really asking.',
  ),
  facet(
    'air',
    2,
    'Clearing the Mind',
    'Help untangle complex or racing thoughts: lay out the options, weigh them and separate facts from assumptions.',
  ),
  facet(
    'air',
    3,
    'Voice of Wisdom',
    'Help them articulate and communicate what they now understand: distil principles and put them into words others can use.',
  ),
]

export const CENTRE_FACET: Facet = {
  id: 'aether',
  name: 'Aether — The Centre',
  element: 'aether',
  phase: 'any',
  guidance:
    'Speak to meaning and wholeness: help them see how the parts of their life connect, and hold the larger question with openness rather than quick answers.',
}

export const ALL_FACETS: readonly Facet[] = [...FACETS, CENTRE_FACET]

const CYCLE_FACETS_BY_ID = Object.fromEntries(FACETS.map((entry) => [entry.id, entry])) as Record<CycleFacet['id'], CycleFacet>

/** The facet for a reading; aether maps to the centre whatever the phase. */
export function facetFor(element: Element, phase: Phase): Facet {
  return element === 'aether' ? CENTRE_FACET : CYCLE_FACETS_BY_ID[`${element}-${phase}`]
}

export function facetById(id: string): Facet | undefined {
  return ALL_FACETS.find((candidate) => candidate.id === id)
}
