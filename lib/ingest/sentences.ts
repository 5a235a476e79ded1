// A fixed locale keeps sentence boundaries the same on every machine.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

// V8 copies the whole input string into every segment it yields, so segmenting a long
// text in one call costs time and memory quadratic in its length (a 1 MB line runs out
// of heap). Text is therefore fed to the segmenter a window at a time.
const WINDOW = 2_000

/**
 * The sentences of a text, each with the whitespace that follows it, so that joined
 * they give back the text exactly. Lines are segmented separately: a line break always
 * ends a sentence (UAX #29), so this changes nothing but the cost.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const line of text.split(/(?<=\n)/)) {
    let position = 0
    let window = WINDOW
    while (position < line.length) {
      const slice = line.slice(position, position + window)
      const segments = Array.from(segmenter.segment(slice), ({ segment }) => segment)
      if (position + window >= line.length) {
        for (const segment of segments) sentences.push(segment)
        break
      }
      // The last segment may be cut off by the window edge: it is segmented again with
      // what follows. A window holding less than one whole sentence is widened.
      if (segments.length < 2) {
        window *= 2
        continue
      }
      segments.pop()
      for (const segment of segments) {
        sentences.push(segment)
        position += segment.length
      }
      window = WINDOW
    }
  }
  return sentences
}
