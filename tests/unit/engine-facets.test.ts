import { describe, expect, it } from 'vitest'
import { ALL_FACETS, CENTRE_FACET, CYCLE_ELEMENTS, ELEMENTS, FACETS, PHASES, facetById, facetFor } from '@/lib/engine'

describe('engine facets', () => {
  it('has twelve cycle facets, one per element and phase, plus the aether centre', () => {
    expect(FACETS).toHaveLength(12)
    const ids = new Set(FACETS.map((facet) => facet.id))
    expect(ids.size).toBe(12)
    for (const element of CYCLE_ELEMENTS) for (const phase of PHASES) expect(ids.has(`${element}-${phase}`)).toBe(true)
    expect(CENTRE_FACET).toMatchObject({ id: 'aether', element: 'aether', phase: 'any' })
    expect(ALL_FACETS).toHaveLength(13)
  })

  it('gives every facet a name in the "Element N — Title" form and non-empty guidance', () => {
    for (const facet of FACETS) {
      expect(facet.name).toMatch(new RegExp(`^${facet.element.charAt(0).toUpperCase()}${facet.element.slice(1)} ${facet.phase} — \\S`))
      expect(facet.guidance.length).toBeGreaterThan(20)
    }
    expect(facetFor('fire', 1).name).toBe('Fire 1 — Spark of Vision')
  })

  it('facetFor returns the matching facet for every element and phase, and the centre for aether', () => {
    for (const element of ELEMENTS) {
      for (const phase of PHASES) {
        const facet = facetFor(element, phase)
        if (element === 'aether') {
          expect(facet).toBe(CENTRE_FACET)
        } else {
          expect(facet).toMatchObject({ id: `${element}-${phase}`, element, phase })
        }
      }
    }
  })

  it('facetById finds known ids and rejects unknown ones', () => {
    expect(facetById('water-2')?.element).toBe('water')
    expect(facetById('aether')).toBe(CENTRE_FACET)
    expect(facetById('plasma-1')).toBeUndefined()
  })
})
