import { Tiktoken } from 'js-tiktoken/lite'
import cl100k_base from 'js-tiktoken/ranks/cl100k_base'
import type { ChatMessage } from './chat'

// Building the encoder parses a large rank table: do it once, on first use.
let encoder: Tiktoken | undefined

/** Tokens of a text under cl100k_base; an estimate for models with other encodings. */
export function countTokens(text: string): number {
  encoder ??= new Tiktoken(cl100k_base)
  return encoder.encode(text).length
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
