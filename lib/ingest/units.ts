import { countTokens, splitByTokens } from './tokens'

/** What separated a piece from the one before it in the source. */
export type Join = ' ' | '\n' | '\n\n'

export interface Piece {
  text: string
  tokens: number
  join: Join
  /** False for a fragment of an over-long sentence; only whole sentences are carried as overlap. */
  wholeSentence: boolean
}

/** The smallest run of pieces the packer keeps together: a paragraph, a sentence or a fragment. */
export interface Unit {
  pieces: Piece[]
  /** Exact token count of the unit rendered on its own. */
  tokens: number
}

// A fixed locale keeps sentence boundaries the same on every machine.
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

export function renderPieces(pieces: readonly Piece[]): string {
  return pieces
    .map((piece, i) => (i === 0 ? piece.text : piece.join + piece.text))
    .join('')
    .trim()
}

function sentencesOf(paragraph: string): Piece[] {
  const pieces: Piece[] = []
  let join: Join = '\n\n'
  for (const { segment } of sentenceSegmenter.segment(paragraph)) {
    const text = segment.trimEnd()
    if (text.trim()) pieces.push({ text, tokens: countTokens(text.trim()), join, wholeSentence: true })
    join = segment.slice(text.length).includes('\n') ? '\n' : ' '
  }
  return pieces
}

function sentenceUnits(sentence: Piece, maxTokens: number): Unit[] {
  if (sentence.tokens <= maxTokens) return [{ pieces: [sentence], tokens: sentence.tokens }]
  // The last resort: one sentence longer than a whole chunk is cut by tokens.
  return splitByTokens(sentence.text, maxTokens).map((text, i) => {
    const tokens = countTokens(text)
    return { pieces: [{ text, tokens, join: i === 0 ? sentence.join : ' ', wholeSentence: false }], tokens }
  })
}

/**
 * A section as units, coarsest first: a paragraph that fits in one chunk stays whole,
 * a longer one falls apart into sentences, and a sentence longer than a chunk into
 * token-sized fragments.
 */
export function sectionUnits(sectionText: string, maxTokens: number): Unit[] {
  const units: Unit[] = []
  for (const paragraph of sectionText.split(/\n[ \t]*\n/)) {
    const sentences = sentencesOf(paragraph.trim())
    if (sentences.length === 0) continue
    const tokens = countTokens(renderPieces(sentences))
    if (tokens <= maxTokens) units.push({ pieces: sentences, tokens })
    else units.push(...sentences.flatMap((sentence) => sentenceUnits(sentence, maxTokens)))
  }
  return units
}
