import { describe, expect, it } from 'vitest'
import { summariseRatings, type Rating } from '@/lib/multi-tenant/feedback'

const today = new Date('2026-12-05T15:00:00Z')
const doc = (knowledgeId: string, title: string) => ({ knowledgeId, title })

function rating(value: 1 | -1, ratedAt: string, extra: Partial<Rating> = {}): Rating {
  return { value, ratedAt: new Date(ratedAt), element: 'fire', phase: 1, sources: [], ...extra }
}

describe('summariseRatings', () => {
  it('lists every day of the window oldest first, empty days as zero, and leaves ratings before it out of the days only', () => {
    const summary = summariseRatings(
      [rating(1, '2026-12-05T09:00:00Z'), rating(-1, '2026-12-03T23:59:00Z'), rating(-1, '2026-11-01T10:00:00Z')],
      3,
      today,
    )
    expect(summary.byDay).toEqual([
      { date: '2026-12-03', up: 0, down: 1 },
      { date: '2026-12-04', up: 0, down: 0 },
      { date: '2026-12-05', up: 1, down: 0 },
    ])
    expect({ up: summary.up, down: summary.down, days: summary.days }).toEqual({ up: 1, down: 2, days: 3 })
  })

  it('counts by element (no reading as null) most rated first, and by phase in phase order with none last', () => {
    const summary = summariseRatings(
      [
        rating(1, '2026-12-05T09:00:00Z', { element: 'water', phase: 2 }),
        rating(-1, '2026-12-05T09:00:00Z', { element: 'water', phase: 2 }),
        rating(-1, '2026-12-05T09:00:00Z', { element: null, phase: null }),
        rating(1, '2026-12-05T09:00:00Z', { element: 'fire', phase: 1 }),
        rating(1, '2026-12-05T09:00:00Z', { element: 'water', phase: 3 }),
      ],
      1,
      today,
    )
    expect(summary.byElement).toEqual([
      { element: 'water', up: 2, down: 1 },
      { element: null, up: 0, down: 1 },
      { element: 'fire', up: 1, down: 0 },
    ])
    expect(summary.byPhase.map((entry) => entry.phase)).toEqual([1, 2, 3, null])
  })

  it('counts an answer once per document it cited, however many passages, worst rated document first, under its latest title', () => {
    const summary = summariseRatings(
      [
        rating(-1, '2026-12-05T09:00:00Z', { sources: [doc('a', 'Menu'), doc('a', 'Menu'), doc('b', 'Garden')] }),
        rating(-1, '2026-12-05T10:00:00Z', { sources: [doc('b', 'Garden notes')] }),
        rating(1, '2026-12-05T11:00:00Z', { sources: [doc('a', 'Menu')] }),
      ],
      1,
      today,
    )
    expect(summary.byDocument).toEqual([
      { knowledgeId: 'b', title: 'Garden notes', up: 0, down: 2 },
      { knowledgeId: 'a', title: 'Menu', up: 1, down: 1 },
    ])
  })

  it('answers zeros and a full calendar of empty days when nothing was rated', () => {
    const summary = summariseRatings([], 7, today)
    expect(summary).toMatchObject({ up: 0, down: 0, byElement: [], byPhase: [], byDocument: [] })
    expect(summary.byDay).toHaveLength(7)
    expect(summary.byDay.every((day) => day.up === 0 && day.down === 0)).toBe(true)
  })
})
