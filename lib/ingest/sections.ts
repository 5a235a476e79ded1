import { forEachLineOutsideFences, parseHeading } from './normalise'

export interface Section {
  /** Text of the heading that opens the section; absent for text before the first heading. */
  heading?: string
  /** The headings above this one and the section's own, outermost first. */
  headingPath: string[]
  /** The section's text, its heading line included: that line is part of the document. */
  text: string
}

/**
 * Splits Markdown-like text at ATX headings (`#` to `######`, outside code fences).
 * Sections with nothing under their heading are dropped: a bare heading says nothing a
 * search could use, and the next section's chunks cannot borrow it without spanning two.
 * Each section knows its heading path (a `###` under a `##` under a `#`), which chunks
 * carry so that a passage is found, and shown, with the context its own heading assumes.
 */
export function splitSections(text: string): Section[] {
  const lines = text.split('\n')
  const starts: { lineIndex: number; heading?: string; path: string[] }[] = [{ lineIndex: 0, path: [] }]
  const open: { level: number; text: string }[] = []
  forEachLineOutsideFences(text, (line, lineIndex) => {
    const heading = parseHeading(line)
    if (!heading) return
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= heading.level) open.pop()
    open.push(heading)
    starts.push({ lineIndex, heading: heading.text, path: open.map((entry) => entry.text) })
  })

  const sections: Section[] = []
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.lineIndex ?? lines.length
    const bodyStart = start.heading === undefined ? start.lineIndex : start.lineIndex + 1
    if (!lines.slice(bodyStart, end).join('\n').trim()) return
    const sectionText = lines.slice(start.lineIndex, end).join('\n').trim()
    sections.push(
      start.heading === undefined
        ? { headingPath: [], text: sectionText }
        : { heading: start.heading, headingPath: start.path, text: sectionText },
    )
  })
  return sections
}
