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

type Block = { text: string; kind: 'prose' | 'table' | 'code' }

const FENCE = /^ {0,3}(```|~~~)/
const TABLE_ROW = /^\s*\|.*\|\s*$/

/** Paragraphs, fenced code blocks (blank lines and all) and tables, in order. */
function blocksOf(sectionText: string): Block[] {
  const blocks: Block[] = []
  let lines: string[] = []
  let inFence = false
  const flush = () => {
    const text = lines.join('\n').trim()
    lines = []
    if (!text) return
    const rows = text.split('\n')
    const kind = FENCE.test(rows[0] ?? '') ? 'code' : rows.length >= 2 && rows.every((row) => TABLE_ROW.test(row)) ? 'table' : 'prose'
    blocks.push({ text, kind })
  }
  for (const line of sectionText.split('\n')) {
    if (FENCE.test(line)) {
      if (!inFence) flush()
      lines.push(line)
      inFence = !inFence
      if (!inFence) flush()
    } else if (!inFence && !line.trim()) {
      flush()
    } else {
      lines.push(line)
    }
  }
  flush()
  return blocks
}

function wholeUnit(text: string, tokens: number): Unit {
  return { pieces: [{ text, join: '\n\n', wholeSentence: false, tokens }], tokens }
}

/**
 * A table or code block too long for one chunk, cut between lines; a table's header row
 * (and its separator) starts every part, so each part still reads as the table it is.
 */
function lineGroups(block: Block, maxTokens: number): Unit[] {
  const rows = block.text.split('\n')
  const header = block.kind === 'table' ? rows.slice(0, 2) : []
  const body = block.kind === 'table' ? rows.slice(2) : rows
  const units: Unit[] = []
  let group: string[] = []
  const emit = () => {
    if (group.length === 0) return
    const text = [...header, ...group].join('\n')
    units.push(wholeUnit(text, countTokens(text)))
    group = []
  }
  for (const row of body) {
    const candidate = [...header, ...group, row].join('\n')
    if (group.length > 0 && countTokens(candidate) > maxTokens) emit()
    if (countTokens([...header, row].join('\n')) > maxTokens) {
      units.push(...splitByTokens(row, maxTokens).map(({ text, tokens }) => wholeUnit(text, tokens)))
      continue
    }
    group.push(row)
  }
  emit()
  return units
}

/**
 * A section as units, coarsest first: a paragraph that fits in one chunk stays whole,
 * a longer one falls apart into sentences, and a sentence longer than a chunk into
 * token-sized fragments. Tables and code blocks are never cut into sentences: one fits
 * whole in a chunk, or is cut between its lines.
 */
export function sectionUnits(sectionText: string, maxTokens: number): Unit[] {
  const units: Unit[] = []
  for (const block of blocksOf(sectionText)) {
    if (block.kind !== 'prose') {
      const tokens = block.text.length <= maxTokens * MAX_CHARS_PER_TOKEN ? countTokens(block.text) : Infinity
      if (tokens <= maxTokens) units.push(wholeUnit(block.text, tokens))
      else units.push(...lineGroups(block, maxTokens))
      continue
    }
    const sentences = sentencesOf(block.text)
    if (sentences.length === 0) continue
    const text = renderPieces(sentences)
    const tokens = text.length <= maxTokens * MAX_CHARS_PER_TOKEN ? countTokens(text) : Infinity
    if (tokens <= maxTokens) units.push({ pieces: sentences, tokens })
    else for (const sentence of sentences) units.push(...sentenceUnits(sentence, maxTokens))
  }
  return units
}
