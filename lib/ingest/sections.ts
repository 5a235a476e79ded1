import { forEachLineOutsideFences, parseHeading } from './normalise'

export interface Section {
  /** Text of the heading that opens the section; absent for text before the first heading. */
  heading?: string
  /** The section's text, its heading line included: that line is part of the document. */
  text: string
}

/**
 * Splits Markdown-like text at ATX headings (`#` to `######`, outside code fences).
 * Sections with nothing under their heading are dropped: a bare heading says nothing a
 * search could use, and the next section's chunks cannot borrow it without spanning two.
 */
export function splitSections(text: string): Section[] {
  const lines = text.split('\n')
  const starts: { lineIndex: number; heading?: string }[] = [{ lineIndex: 0 }]
  forEachLineOutsideFences(text, (line, lineIndex) => {
    const heading = parseHeading(line)
    if (heading) starts.push({ lineIndex, heading: heading.text })
  })

  const sections: Section[] = []
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.lineIndex ?? lines.length
    const bodyStart = start.heading === undefined ? start.lineIndex : start.lineIndex + 1
    if (!lines.slice(bodyStart, end).join('\n').trim()) return
    const sectionText = lines.slice(start.lineIndex, end).join('\n').trim()
    sections.push(start.heading === undefined ? { text: sectionText } : { heading: start.heading, text: sectionText })
  })
  return sections
}
