import type OpenAI from 'openai'
import { AppError } from '@/lib/errors'
import type { ChatCompletion, ChatMessage, ChatOptions, ChatProvider, ChatStreamEvent, TokenUsage } from '@/lib/ai/chat'
import {
  createOpenAIClient,
  DEFAULT_TIMEOUT_MS,
  isRateLimit,
  rateLimitedMidAnswer,
  serviceUnavailable,
  type OpenAIConnection,
} from './client'
import { countTokens, estimatePromptTokens } from '@/lib/ai/tokens'

export type OpenAIChatOptions = OpenAIConnection & { model: string }

type ApiUsage = { prompt_tokens: number; completion_tokens: number } | null | undefined

/** The API's own count when it sends one; cl100k_base estimates otherwise. */
function usageOf(apiUsage: ApiUsage, messages: readonly ChatMessage[], text: string): TokenUsage {
  if (apiUsage) return { promptTokens: apiUsage.prompt_tokens, completionTokens: apiUsage.completion_tokens }
  return { promptTokens: estimatePromptTokens(messages), completionTokens: countTokens(text) }
}

/**
 * Aborts a stream that goes quiet: the SDK's timeout stops at the response
 * headers, so a server that starts an answer and then stalls would hang forever.
 */
class IdleWatch {
  fired = false
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {}

  restart(): void {
    this.stop()
    this.timer = setTimeout(() => {
      this.fired = true
      this.onIdle()
    }, this.ms)
  }

  stop(): void {
    clearTimeout(this.timer)
  }
}

export class OpenAIChat implements ChatProvider {
  readonly model: string
  readonly offline = false
  private readonly client: OpenAI
  private readonly apiKey: string
  private readonly timeoutMs: number
  // OpenAI's newer models refuse `max_tokens`; compatible servers (Ollama, vLLM)
  // have long understood `max_tokens` but not always its successor.
  private readonly tokenLimitField: 'max_tokens' | 'max_completion_tokens'

  constructor(options: OpenAIChatOptions) {
    this.client = createOpenAIClient(options)
    this.apiKey = options.apiKey
    this.model = options.model
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.tokenLimitField = options.baseURL ? 'max_tokens' : 'max_completion_tokens'
  }

  async complete(messages: ChatMessage[], opts: ChatOptions = {}): Promise<ChatCompletion> {
    try {
      const completion = await this.client.chat.completions.create(
        { model: this.model, messages, ...this.tokenLimit(opts) },
        { signal: opts.signal },
      )
      const text = completion.choices[0]?.message.content ?? ''
      return { text, usage: usageOf(completion.usage, messages, text) }
    } catch (error) {
      throw this.failure(error, opts.signal)
    }
  }

  async *stream(messages: ChatMessage[], opts: ChatOptions = {}): AsyncIterable<ChatStreamEvent> {
    let text = ''
    let apiUsage: ApiUsage
    let idle: IdleWatch | undefined
    try {
      const stream = await this.client.chat.completions.create(
        {
          model: this.model,
          messages,
          ...this.tokenLimit(opts),
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: opts.signal },
      )
      const watch = new IdleWatch(this.timeoutMs, () => stream.controller.abort())
      idle = watch
      watch.restart()
      for await (const chunk of stream) {
        if (chunk.usage) apiUsage = chunk.usage
        const delta = chunk.choices[0]?.delta?.content
        if (!delta) continue
        text += delta
        // The consumer's pace (a slow visitor) must not count as server silence.
        watch.stop()
        yield { type: 'token', text: delta }
        watch.restart()
      }
    } catch (error) {
      if (idle?.fired) throw this.stalled(error)
      if (text && !opts.signal?.aborted && isRateLimit(error)) throw rateLimitedMidAnswer(error, this.apiKey)
      throw this.failure(error, opts.signal)
    } finally {
      idle?.stop()
    }
    // An aborted SDK stream ends quietly rather than throwing.
    if (idle?.fired) throw this.stalled(undefined)
    if (opts.signal?.aborted) return
    yield { type: 'done', usage: usageOf(apiUsage, messages, text) }
  }

  private tokenLimit(opts: ChatOptions): Partial<Record<'max_tokens' | 'max_completion_tokens', number>> {
    return opts.maxTokens === undefined ? {} : { [this.tokenLimitField]: opts.maxTokens }
  }

  private stalled(cause: unknown): AppError {
    return new AppError('unavailable', 'The language model service stopped answering mid-reply. Please try again.', {
      cause,
    })
  }

  /** The caller's own abort stays what it is; everything else becomes `unavailable`. */
  private failure(error: unknown, signal: AbortSignal | undefined): unknown {
    return signal?.aborted ? error : serviceUnavailable(error, 'language model', this.apiKey)
  }
}
