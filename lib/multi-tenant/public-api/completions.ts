import { randomUUID } from 'node:crypto'
import { aiProviders, type AiProviders } from '@/lib/ai/default-providers'
import type { ChatCompletion, ChatCompletionRequest } from '@/lib/contracts/v1'
import { DEFAULT_MODEL, messageText } from '@/lib/contracts/v1'
import { AppError } from '@/lib/errors'
import type { KeyCaller } from '@/lib/multi-tenant/api-keys'
import { openKeyOracle } from '@/lib/multi-tenant/oracle'
import { countQuestionTokens, type InteractionOptions } from '@/lib/multi-tenant/TenantMAIA'
import { completionStream } from './completion-stream'
import type { Asker } from './end-user'

/*
 * OpenAI's chat completions, answered by the tenant's assistant: the same engine, voice,
 * knowledge and monthly limits as a visitor's question on the tenant's site. Each call is
 * one exchange and counts as one of the month's conversations. Only a verified end user's
 * exchanges are stored, in their own history (see end-user.ts).
 */

/** What one completion asks, read from OpenAI's request. */
export type CompletionQuestion = { input: string; conversationDepth: number; maxAnswerTokens: number | undefined; model: string }

export function questionOf(body: ChatCompletionRequest): CompletionQuestion {
  const model = body.model ?? DEFAULT_MODEL
  if (model !== DEFAULT_MODEL)
    throw new AppError('not_found', `No such model: ${model}. This API answers with the model "${DEFAULT_MODEL}".`)
  const last = body.messages.at(-1)
  return {
    input: last ? messageText(last).trim() : '',
    conversationDepth: body.messages.filter((message) => message.role === 'user').length - 1,
    maxAnswerTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    model,
  }
}

const completionId = () => `chatcmpl-${randomUUID()}`
const now = () => Math.floor(Date.now() / 1000)

function interaction(question: CompletionQuestion, inputTokens: number, signal: AbortSignal, asker: Asker): InteractionOptions {
  return {
    conversationDepth: question.conversationDepth,
    inputTokens,
    signal,
    maxAnswerTokens: question.maxAnswerTokens,
    endUserId: asker.endUserId,
  }
}

export async function completeChat(
  caller: KeyCaller,
  asker: Asker,
  body: ChatCompletionRequest,
  signal: AbortSignal,
  providers: AiProviders = aiProviders(),
): Promise<ChatCompletion> {
  const question = questionOf(body)
  const inputTokens = countQuestionTokens(question.input, providers.chat)
  const { maia } = openKeyOracle(caller.tenantId, asker.run, providers)
  const answer = await maia.processInteraction(question.input, null, interaction(question, inputTokens, signal, asker))
  return {
    id: completionId(),
    object: 'chat.completion',
    created: now(),
    model: question.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: answer.response, refusal: null, sources: answer.knowledgeSources },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: answer.usage.promptTokens,
      completion_tokens: answer.usage.completionTokens,
      total_tokens: answer.usage.totalTokens,
    },
  }
}

/** The same answer as OpenAI's stream of `chat.completion.chunk`s; the caller leaving stops the model. */
export async function streamChat(
  caller: KeyCaller,
  asker: Asker,
  body: ChatCompletionRequest,
  signal: AbortSignal,
  providers: AiProviders = aiProviders(),
): Promise<Response> {
  const question = questionOf(body)
  const inputTokens = countQuestionTokens(question.input, providers.chat)
  const { maia } = openKeyOracle(caller.tenantId, asker.run, providers)
  const stop = new AbortController()
  signal.addEventListener('abort', () => stop.abort(), { once: true })
  const events = maia.streamInteraction(question.input, null, interaction(question, inputTokens, stop.signal, asker))
  return completionStream(events, { id: completionId(), created: now(), model: question.model }, () => stop.abort())
}
