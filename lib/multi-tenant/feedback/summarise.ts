import type { FeedbackSummary } from '@/lib/contracts/feedback'
import type { Element, Phase } from '@/lib/engine/elements'

/** One rating as the summary counts it: the answer's reading and the documents it cited. */
export type Rating = {
  value: 1 | -1
  ratedAt: Date
  element: Element | null
  phase: Phase | null
  sources: { knowledgeId: string; title: string }[]
}

type Tally = { up: number; down: number }

const DAY_MS = 86_400_000

function add(tallies: Map<string, Tally>, key: string, value: 1 | -1): void {
  const tally = tallies.get(key) ?? { up: 0, down: 0 }
  if (value === 1) tally.up += 1
  else tally.down += 1
  tallies.set(key, tally)
}

const byVolume = (a: Tally, b: Tally) => b.up + b.down - (a.up + a.down)

/**
 * Counts ratings per day of the `days` ending on `today` (UTC, every day listed), per
 * element, per phase and per cited document. An answer citing a document twice counts
 * once for it; documents are ordered by thumbs down, then by volume.
 */
export function summariseRatings(ratings: Rating[], days: number, today: Date): FeedbackSummary {
  const perDay = new Map<string, Tally>()
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  for (let offset = days - 1; offset >= 0; offset -= 1)
    perDay.set(new Date(end - offset * DAY_MS).toISOString().slice(0, 10), { up: 0, down: 0 })
  const perElement = new Map<string, Tally>()
  const perPhase = new Map<string, Tally>()
  const perDocument = new Map<string, Tally>()
  const titles = new Map<string, string>()
  let up = 0
  let down = 0
  for (const rating of ratings) {
    if (rating.value === 1) up += 1
    else down += 1
    const day = rating.ratedAt.toISOString().slice(0, 10)
    if (perDay.has(day)) add(perDay, day, rating.value)
    add(perElement, rating.element ?? '', rating.value)
    add(perPhase, rating.phase === null ? '' : String(rating.phase), rating.value)
    for (const source of new Map(rating.sources.map((cited) => [cited.knowledgeId, cited])).values()) {
      add(perDocument, source.knowledgeId, rating.value)
      titles.set(source.knowledgeId, source.title)
    }
  }
  return {
    up,
    down,
    days,
    byDay: [...perDay].map(([date, tally]) => ({ date, ...tally })),
    byElement: [...perElement].map(([element, tally]) => ({ element: (element || null) as Element | null, ...tally })).sort(byVolume),
    byPhase: [...perPhase]
      .map(([phase, tally]) => ({ phase: phase ? (Number(phase) as Phase) : null, ...tally }))
      .sort((a, b) => (a.phase ?? 4) - (b.phase ?? 4)),
    byDocument: [...perDocument]
      .map(([knowledgeId, tally]) => ({ knowledgeId, title: titles.get(knowledgeId) ?? '', ...tally }))
      .sort((a, b) => b.down - a.down || byVolume(a, b) || a.title.localeCompare(b.title)),
  }
}
