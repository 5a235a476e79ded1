import { AppError } from '@/lib/errors'
import type { ChatCompletion, ChatMessage, ChatOptions, ChatProvider, ChatStreamEvent } from '@/lib/ai/chat'
import { countTokens, estimatePromptTokens } from '@/lib/ai/tokens'

const QUOTE_CHARS = 120

function offlineNote(question: string): string {
  const quoted = question.length > QUOTE_CHARS ? `${question.slice(0, QUOTE_CHARS).trimEnd()}…` : question
  return (
    `No language model is configured, so this assistant is in offline mode and cannot write a free-form ` +
    `answer to "${quoted}". Grounded answers from the knowledge base still work.`
  )
}

/**
 * The chat provider when no model is configured. Grounded offline answers come
 * from `composeGroundedAnswer`, which needs the retrieved passages; this class
 * only keeps the ChatProvider contract honest with a plain offline note.
 */
export class LocalChat implements ChatProvider {
  readonly model = 'local-extractive-v1'
  readonly offline = true

  async complete(messages: ChatMessage[]): Promise<ChatCompletion> {
    const text = this.answer(messages)
    return { text, usage: { promptTokens: estimatePromptTokens(messages), completionTokens: countTokens(text) } }
  }

  async *stream(messages: ChatMessage[], opts?: ChatOptions): AsyncIterable<ChatStreamEvent> {
    const { text, usage } = await this.complete(messages)
    for (const token of text.match(/\S+\s*/g) ?? []) {
      if (opts?.signal?.aborted) return
      yield { type: 'token', text: token }
    }
    yield { type: 'done', usage }
  }

  private answer(messages: readonly ChatMessage[]): string {
    const question = messages.findLast((message) => message.role === 'user')?.content.trim()
    if (!question) throw new AppError('bad_request', 'There is no question to answer.')
    return offlineNote(question)
  }
}
