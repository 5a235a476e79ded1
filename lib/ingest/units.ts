import { splitSentences } from './sentences'
import { countTokens, splitByTokens } from '@/lib/ai/tokens'

/** What separated a piece from the one before it in the source. */
export type Join = ' ' | '\n' | '\n\n'

export interface Piece {
  text: string
  join: Join
  /** False for a fragment of an over-long sentence; only whole sentences are carried as overlap. */
  wholeSentence: boolean
  /** Counted on first use (see pieceTokens): most sentences sit in paragraphs counted whole. */
  tokens?: number
}

/** The smallest run of pieces the packer keeps together: a paragraph, a sentence or a fragment. */
export interface Unit {
  pieces: Piece[]
  /** Exact token count of the unit rendered on its own. */
  tokens: number
}

export function pieceTokens(piece: Piece): number {
  piece.tokens ??= countTokens(piece.text.trim())
  return piece.tokens
}

export function renderPieces(pieces: readonly Piece[]): string {
  return pieces
    .map((piece, i) => (i === 0 ? piece.text : piece.join + piece.text))
    .join('')
    .trim()
}

function sentencesOf(paragraph: string): Piece[] {
  const pieces: Piece[] = []
  let join: Join = '\n\n'
  for (const segment of splitSentences(paragraph)) {
    const text = segment.trimEnd()
    if (text.trim()) pieces.push({ text, join, wholeSentence: true })
    join = segment.slice(text.length).includes('\n') ? '\n' : ' '
  }
  return pieces
}

function sentenceUnits(sentence: Piece, maxTokens: number): Unit[] {
  const tokens = pieceTokens(sentence)
  if (tokens <= maxTokens) return [{ pieces: [sentence], tokens }]
  // The last resort: one sentence longer than a whole chunk is cut by tokens.
  return splitByTokens(sentence.text, maxTokens).map(({ text, tokens: pieceCount }, i) => ({
    pieces: [{ text, tokens: pieceCount, join: i === 0 ? sentence.join : ' ', wholeSentence: false }],
    tokens: pieceCount,
  }))
}

// No token is anywhere near this long on average, so a paragraph with more characters
// than this per allowed token cannot fit in a chunk and is not worth counting whole.
const MAX_CHARS_PER_TOKEN = 12

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
    const text = renderPieces(sentences)
    const tokens = text.length <= maxTokens * MAX_CHARS_PER_TOKEN ? countTokens(text) : Infinity
    if (tokens <= maxTokens) units.push({ pieces: sentences, tokens })
    else for (const sentence of sentences) units.push(...sentenceUnits(sentence, maxTokens))
  }
  return units
}
