/*
 * A passage as the units an answer can quote: sentences of prose, list items, whole
 * tables and whole code blocks. Headings are context, never quoted.
 */

export type UnitKind = 'sentence' | 'item' | 'table' | 'code'

export type PassageUnit = {
  kind: UnitKind
  /** The text as it is quoted (list markers removed from items). */
  text: string
  /** Which block (paragraph, list, table, code) of the passage the unit belongs to. */
  block: number
  /** Position of the unit in the passage. */
  position: number
  /** The list marker of an item ("1." or "-"), to render a list as it was written. */
  marker?: string
}

const FENCE = /^ {0,3}(```|~~~)/
const HEADING = /^ {0,3}#{1,6}\s/
const TABLE_ROW = /^\s*\|.*\|\s*$/
const LIST_ITEM = /^(\s*)([-*+•]|\d{1,3}[.)])\s+(.*)$/
const QUOTE_MARKER = /^\s*>\s?/

// Words whose final period is not a sentence end, English and French.
const ABBREVIATIONS = new Set(
  (
    'e.g i.e etc vs cf al approx incl esp dept est fig min max no nos nr p pp vol ch sec art para ' +
    'mr mrs ms dr prof st sr jr inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'u.s u.k a.m p.m ex m mme mlle mm me n° env ibid op cit'
  ).split(' '),
)

const BOUNDARY = /([.!?…]+)(["'’”»)\]]*)(\s+)/g

function endsWithAbbreviation(text: string): boolean {
  const word = /(\S+)$/
    .exec(text)?.[1]
    ?.toLowerCase()
    .replace(/^[("'«[]+/, '')
  if (!word) return false
  const bare = word.replace(/\.$/, '')
  // Initials ("J. Smith") and abbreviations; numbers ("section 4. ") end sentences.
  return ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}?$/u.test(bare)
}

/**
 * The sentences of one line of prose. A boundary is a sentence-ending mark followed by
 * space and a capital, digit or opening quote, unless the mark ends an abbreviation.
 */
export function sentencesOfLine(line: string): string[] {
  const sentences: string[] = []
  let start = 0
  for (const match of line.matchAll(BOUNDARY)) {
    const end = (match.index ?? 0) + (match[1]?.length ?? 0) + (match[2]?.length ?? 0)
    const next = line.slice(end + (match[3]?.length ?? 0))
    if (!/^["'«“(\[]?[\p{Lu}\p{N}]/u.test(next)) continue
    const candidate = line.slice(start, end)
    if (match[1] === '.' && endsWithAbbreviation(candidate.slice(0, -1 - (match[2]?.length ?? 0)) + '.')) continue
    if (candidate.trim()) sentences.push(candidate.trim())
    start = end + (match[3]?.length ?? 0)
  }
  const rest = line.slice(start).trim()
  if (rest) sentences.push(rest)
  return sentences
}

/** Splits a passage into quotable units, keeping lists, tables and code blocks intact. */
export function passageUnits(content: string): PassageUnit[] {
  const units: PassageUnit[] = []
  const lines = content.split('\n')
  let block = 0
  let previous: 'blank' | 'prose' | 'list' | 'table' | 'other' = 'blank'
  const push = (kind: UnitKind, text: string, marker?: string) => {
    units.push({ kind, text, block, position: units.length, ...(marker ? { marker } : {}) })
  }
  // Lines of one paragraph are joined first: documents wrapped at a fixed width would
  // otherwise quote half sentences ("You must change your password every").
  let paragraph: string[] = []
  const flush = () => {
    if (paragraph.length === 0) return
    for (const sentence of sentencesOfLine(paragraph.join(' '))) push('sentence', sentence)
    paragraph = []
  }
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').replace(QUOTE_MARKER, '')
    if (FENCE.test(line)) {
      flush()
      const body = [line]
      for (i += 1; i < lines.length; i += 1) {
        body.push(lines[i] ?? '')
        if (FENCE.test(lines[i] ?? '')) break
      }
      block += 1
      push('code', body.join('\n'))
      previous = 'other'
      continue
    }
    if (!line.trim()) {
      flush()
      if (previous !== 'blank') block += 1
      previous = 'blank'
      continue
    }
    if (HEADING.test(line)) {
      flush()
      block += 1
      previous = 'other'
      continue
    }
    if (TABLE_ROW.test(line)) {
      flush()
      const rows = [line]
      while (i + 1 < lines.length && TABLE_ROW.test(lines[i + 1] ?? '')) rows.push(lines[(i += 1)] ?? '')
      block += 1
      push('table', rows.join('\n'))
      previous = 'table'
      continue
    }
    const item = LIST_ITEM.exec(line)
    if (item) {
      flush()
      if (previous !== 'list') block += 1
      push('item', (item[3] ?? '').trim(), /\d/.test(item[2] ?? '') ? `${(item[2] ?? '').replace(')', '.')}` : '-')
      previous = 'list'
      continue
    }
    // A line right under a list item continues it (wrapped or indented), as Markdown reads it.
    const last = units.at(-1)
    if (previous === 'list' && last?.kind === 'item') {
      last.text = `${last.text} ${line.trim()}`
      continue
    }
    // A line of prose joins its paragraph; a one-line paragraph (an address, an email) is one sentence.
    if (previous === 'list' || previous === 'table' || previous === 'other') block += 1
    paragraph.push(line.trim())
    previous = 'prose'
  }
  flush()
  return units
}
