/** One turn of a conversation as the chat providers see it. */
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string }

export type TokenUsage = { promptTokens: number; completionTokens: number }

export type ChatOptions = {
  maxTokens?: number
  /** Aborts the request, e.g. when the visitor closes the page mid-answer. */
  signal?: AbortSignal
}

export type ChatCompletion = { text: string; usage: TokenUsage }

export type ChatStreamEvent = { type: 'token'; text: string } | { type: 'done'; usage: TokenUsage }

export interface ChatProvider {
  readonly model: string
  /** True for the local responder: answers come from no language model. */
  readonly offline: boolean
  complete(messages: ChatMessage[], opts?: ChatOptions): Promise<ChatCompletion>
  /** Yields tokens as they arrive, then exactly one `done` event with the usage. */
  stream(messages: ChatMessage[], opts?: ChatOptions): AsyncIterable<ChatStreamEvent>
}
