/*
 * Finding cited passages in the text they came from. A snippet is the passage with its
 * whitespace collapsed and an ellipsis where it was cut, and a chunk joins its units with
 * blank lines the document may space differently: both are found by their words, with any
 * run of whitespace matching any other, case aside.
 */

export type Segment = { text: string; marked: boolean }

type Folded = { text: string; origin: number[] }

/** Lower-cased text with each whitespace run as one space, and where each folded character came from. */
function fold(text: string): Folded {
  let folded = ''
  const origin: number[] = []
  let inSpace = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? ''
    if (/\s/.test(char)) {
      if (!inSpace && folded !== '') {
        folded += ' '
        origin.push(index)
      }
      inSpace = true
      continue
    }
    inSpace = false
    folded += char.toLowerCase()
    origin.push(index)
  }
  return { text: folded, origin }
}

/** The passage as searched for: no cut marks, whitespace folded. */
function needleOf(passage: string): string {
  return fold(passage.replace(/^\s*(…|\.\.\.)/, '').replace(/(…|\.\.\.)\s*$/, '')).text.trim()
}

/** Where `passage` sits in `text` as [start, end) of the original text; null when it is not there. */
export function findPassage(text: string, passage: string): [number, number] | null {
  const needle = needleOf(passage)
  if (needle === '') return null
  const haystack = fold(text)
  const at = haystack.text.indexOf(needle)
  if (at < 0) return null
  const start = haystack.origin[at] ?? 0
  const last = haystack.origin[at + needle.length - 1] ?? start
  return [start, last + 1]
}

/**
 * `text` cut into segments with every passage found in it marked; overlapping finds merge.
 * Passages that are not in the text are left out (the text is shown unmarked there).
 */
export function markPassages(text: string, passages: readonly string[]): Segment[] {
  const ranges = passages
    .map((passage) => findPassage(text, passage))
    .filter((range): range is [number, number] => range !== null)
    .sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const previous = merged.at(-1)
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1])
    else merged.push([range[0], range[1]])
  }
  const segments: Segment[] = []
  let cursor = 0
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false })
    segments.push({ text: text.slice(start, end), marked: true })
    cursor = end
  }
  if (cursor < text.length || segments.length === 0) segments.push({ text: text.slice(cursor), marked: false })
  return segments
}
