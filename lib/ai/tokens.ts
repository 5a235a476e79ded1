import { Tiktoken } from 'js-tiktoken/lite'
import cl100k_base from 'js-tiktoken/ranks/cl100k_base'
import type { ChatMessage } from './chat'

/*
 * The one tokenizer: chunking, the oracle's token reservations and the chat providers'
 * usage estimates all count with it, under the same long-run guard.
 */

// The lite entry point loads only the cl100k table (the main one bundles every
// encoding, several MB); parsing it is slow, so it happens once, on first use.
let encoder: Tiktoken | undefined

function cl100k(): Tiktoken {
  encoder ??= new Tiktoken(cl100k_base)
  return encoder
}

// Byte-pair encoding slows down faster than linearly with the length of a run without
// whitespace (a run of 10,000 letters takes seconds). Such runs, which real prose never has, are
// encoded in slices: tokenising stays linear, at the price of maybe a token too many
// per slice in the count.
const LONG_RUN_LENGTH = 256
const LONG_RUN = new RegExp(`\\S{${LONG_RUN_LENGTH},}`, 'g')
const RUN_SLICE = 64

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

function encode(text: string): number[] {
  const encoding = cl100k()
  const tokens: number[] = []
  const append = (part: string) => {
    if (!part) return
    // No special tokens: "<|endoftext|>" in a document is ordinary text, not a reason to throw.
    for (const token of encoding.encode(part, [], [])) tokens.push(token)
  }
  let done = 0
  const runs = text.length >= LONG_RUN_LENGTH ? text.matchAll(LONG_RUN) : []
  for (const match of runs) {
    append(text.slice(done, match.index))
    const runEnd = match.index + match[0].length
    for (let start = match.index; start < runEnd;) {
      let end = Math.min(start + RUN_SLICE, runEnd)
      if (isLowSurrogate(text.charCodeAt(end))) end += 1 // never halve an emoji
      append(text.slice(start, end))
      start = end
    }
    done = runEnd
  }
  append(text.slice(done))
  return tokens
}

/** Tokens of a text under cl100k_base (an estimate for models with other encodings); linear in its length. */
export function countTokens(text: string): number {
  return encode(text).length
}

export interface TokenPiece {
  text: string
  tokens: number
}

/**
 * Cuts a text into consecutive pieces of at most `maxTokens` tokens each, trimmed.
 * A cut never falls inside a character: token boundaries can split a UTF-8 sequence
 * (emoji, CJK) and decoding half of one yields U+FFFD, so such a cut moves back a
 * token. A piece re-encoded on its own can also need a token more than its slice
 * did, so every piece is measured again before it is accepted.
 */
export function splitByTokens(text: string, maxTokens: number): TokenPiece[] {
  const encoding = cl100k()
  const tokens = encode(text)
  const pieces: TokenPiece[] = []
  let start = 0
  while (start < tokens.length) {
    let end = Math.min(start + maxTokens, tokens.length)
    let piece = encoding.decode(tokens.slice(start, end)).trim()
    let count = 0
    for (;;) {
      const cutsCharacter = end < tokens.length && piece.endsWith('\uFFFD')
      if (!cutsCharacter || end - start <= 1) count = countTokens(piece)
      if ((!cutsCharacter && count <= maxTokens) || end - start <= 1) break
      end = Math.max(start + 1, end - (cutsCharacter ? 1 : count - maxTokens))
      piece = encoding.decode(tokens.slice(start, end)).trim()
    }
    if (piece) pieces.push({ text: piece, tokens: count })
    start = end
  }
  return pieces
}

// OpenAI's published accounting: each message costs a few framing tokens, and
// the reply is primed with a few more.
const TOKENS_PER_MESSAGE = 3
const TOKENS_PER_REPLY = 3

/** Estimated prompt tokens of a chat request, for servers that report no usage. */
export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  let total = TOKENS_PER_REPLY
  for (const message of messages) total += TOKENS_PER_MESSAGE + countTokens(message.role) + countTokens(message.content)
  return total
}
