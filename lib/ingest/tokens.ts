import { Tiktoken } from 'js-tiktoken/lite'
import cl100k_base from 'js-tiktoken/ranks/cl100k_base'

// The lite entry point loads only the cl100k table (the main one bundles every
// encoding, several MB); parsing it is slow, so it happens once, on first use.
let encoder: Tiktoken | undefined

function cl100k(): Tiktoken {
  encoder ??= new Tiktoken(cl100k_base)
  return encoder
}

export function countTokens(text: string): number {
  return cl100k().encode(text).length
}

/**
 * Cuts a text into consecutive pieces of at most `maxTokens` tokens each, trimmed.
 * A cut never falls inside a character: token boundaries can split a UTF-8 sequence
 * (emoji, CJK) and decoding half of one yields U+FFFD, so such a cut moves back a
 * token. A piece re-encoded on its own can also need a token more than its slice
 * did, so every piece is measured again before it is accepted.
 */
export function splitByTokens(text: string, maxTokens: number): string[] {
  const encoding = cl100k()
  const tokens = encoding.encode(text)
  const pieces: string[] = []
  let start = 0
  while (start < tokens.length) {
    let end = Math.min(start + maxTokens, tokens.length)
    let piece = encoding.decode(tokens.slice(start, end))
    const cutsCharacter = () => end < tokens.length && piece.endsWith('\uFFFD')
    while (end - start > 1 && (cutsCharacter() || countTokens(piece.trim()) > maxTokens)) {
      end -= 1
      piece = encoding.decode(tokens.slice(start, end))
    }
    if (piece.trim()) pieces.push(piece.trim())
    start = end
  }
  return pieces
}
