import { splitSections } from './sections'
import { pieceTokens, renderPieces, sectionUnits, type Piece, type Unit } from './units'
import { countTokens } from '@/lib/ai/tokens'

export interface Chunk {
  index: number
  content: string
  tokenCount: number
  /**
   * The heading path of the section the chunk comes from, outermost first, joined by
   * HEADING_PATH_SEPARATOR ("Leave › Sick leave › Eligibility"); absent before the first heading.
   */
  heading?: string
}

export const HEADING_PATH_SEPARATOR = ' › '

export interface ChunkOptions {
  /** Upper bound on tokens (cl100k_base) per chunk. Default 300. */
  maxTokens?: number
  /** Whole sentences, up to this many tokens, repeated from the end of the previous chunk. Default 50. */
  overlapTokens?: number
}

interface PackedChunk {
  content: string
  tokenCount: number
}

// Counting every candidate exactly would re-encode a chunk per added unit. Parts counted
// on their own plus a token per join ("\n\n", a space that does not merge) is usually a
// little high, now and then a token low; emit counts exactly and settles it.
function estimate(overlap: readonly Piece[], units: readonly Unit[]): number {
  const parts = overlap.length + units.length
  const sum = overlap.reduce((total, piece) => total + pieceTokens(piece), 0) + units.reduce((total, unit) => total + unit.tokens, 0)
  return sum + Math.max(0, parts - 1)
}

/** The last whole sentences of a chunk whose tokens add up to at most `budget`. */
function trailingSentences(pieces: readonly Piece[], budget: number): Piece[] {
  const tail: Piece[] = []
  let used = 0
  for (let i = pieces.length - 1; i >= 0; i -= 1) {
    const piece = pieces[i]
    if (!piece?.wholeSentence) break
    const tokens = pieceTokens(piece)
    if (used + tokens > budget) break
    tail.unshift(piece)
    used += tokens
  }
  return tail
}

function packSection(units: readonly Unit[], maxTokens: number, overlapTokens: number): PackedChunk[] {
  const packed: PackedChunk[] = []
  let overlap: Piece[] = []
  let taken: Unit[] = []
  let next = 0

  const emit = () => {
    let pieces = [...overlap, ...taken.flatMap((unit) => unit.pieces)]
    let content = renderPieces(pieces)
    const lone = overlap.length === 0 && taken.length === 1 ? taken[0] : undefined
    let tokenCount = lone ? lone.tokens : countTokens(content) // a lone unit is already counted exactly
    // When the estimate was low: give back the last units, then the overlap.
    while (tokenCount > maxTokens && (taken.length > 1 || overlap.length > 0)) {
      if (taken.length > 1) {
        taken.pop()
        next -= 1
      } else {
        overlap = overlap.slice(1)
      }
      pieces = [...overlap, ...taken.flatMap((unit) => unit.pieces)]
      content = renderPieces(pieces)
      tokenCount = countTokens(content)
    }
    packed.push({ content, tokenCount })
    overlap = trailingSentences(pieces, overlapTokens)
    taken = []
  }

  for (;;) {
    const unit = units[next]
    if (!unit) {
      if (taken.length === 0) break
      emit() // may hand units back, so the loop goes on until nothing is left
      continue
    }
    if (taken.length > 0 && estimate(overlap, [...taken, unit]) > maxTokens) {
      emit()
      continue
    }
    // Starting a chunk: keep only as much overlap as leaves room for the new unit.
    while (taken.length === 0 && overlap.length > 0 && estimate(overlap, [unit]) > maxTokens) overlap = overlap.slice(1)
    taken.push(unit)
    next += 1
  }
  return packed
}

/**
 * Splits text into retrieval chunks that respect its structure: never across a
 * Markdown heading, preferably at paragraph ends, else at sentence ends, and only
 * inside a sentence when one sentence alone exceeds `maxTokens`. Consecutive chunks
 * of a section share up to `overlapTokens` of whole sentences. Deterministic.
 */
export function chunkText(text: string, options: ChunkOptions = {}): Chunk[] {
  const maxTokens = options.maxTokens ?? 300
  const overlapTokens = options.overlapTokens ?? 50
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new RangeError('maxTokens must be a positive integer')
  if (!Number.isInteger(overlapTokens) || overlapTokens < 0 || overlapTokens >= maxTokens) {
    throw new RangeError('overlapTokens must be a whole number below maxTokens')
  }

  const chunks: Chunk[] = []
  for (const section of splitSections(text.replace(/\r\n?/g, '\n'))) {
    for (const { content, tokenCount } of packSection(sectionUnits(section.text, maxTokens), maxTokens, overlapTokens)) {
      const chunk: Chunk = { index: chunks.length, content, tokenCount }
      if (section.heading !== undefined) chunk.heading = section.headingPath.join(HEADING_PATH_SEPARATOR)
      chunks.push(chunk)
    }
  }
  return chunks
}
