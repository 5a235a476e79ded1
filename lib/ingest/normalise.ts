/**
 * One canonical form for extracted text, whatever it came from: NFC, `\n` line ends,
 * no NULs or byte-order mark, no trailing spaces, at most one blank line in a row.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '')
    .replace(/[ \t\f\v\u00A0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/

/** Level and text of a Markdown ATX heading line (`## Title ##`), or null. */
export function parseHeading(line: string): { level: number; text: string } | null {
  const match = ATX_HEADING.exec(line)
  const marks = match?.[1]
  const text = match?.[2]?.trim()
  return marks && text ? { level: marks.length, text } : null
}

const FENCE = /^ {0,3}(```|~~~)/

/** Calls `visit` for every line that is not inside a fenced code block, where `#` is not a heading. */
export function forEachLineOutsideFences(text: string, visit: (line: string, lineIndex: number) => void): void {
  let inFence = false
  text.split('\n').forEach((line, lineIndex) => {
    if (FENCE.test(line)) inFence = !inFence
    else if (!inFence) visit(line, lineIndex)
  })
}

export function firstHeading(text: string): string | undefined {
  let found: string | undefined
  forEachLineOutsideFences(text, (line) => {
    found ??= parseHeading(line)?.text
  })
  return found
}
