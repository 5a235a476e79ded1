import OpenAI, { APIConnectionTimeoutError, APIError } from 'openai'
import { AppError } from '@/lib/errors'

/** How to reach an OpenAI-compatible server (OpenAI itself, Ollama, vLLM, LM Studio). */
export type OpenAIConnection = {
  apiKey: string
  baseURL?: string
  timeoutMs?: number
  /** Retries on 408/409/429/5xx and dropped connections, with the SDK's exponential backoff. */
  maxRetries?: number
}

export const DEFAULT_TIMEOUT_MS = 60_000
const DEFAULT_MAX_RETRIES = 2
// A limit hit mid-answer rarely says when it lifts; a provider's request window is about a minute.
const MID_ANSWER_RETRY_SECONDS = 20

export function createOpenAIClient(connection: OpenAIConnection): OpenAI {
  return new OpenAI({
    apiKey: connection.apiKey,
    baseURL: connection.baseURL,
    timeout: connection.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: connection.maxRetries ?? DEFAULT_MAX_RETRIES,
  })
}

function retryAfterSeconds(error: APIError): number | undefined {
  const header = error.headers?.get('retry-after')
  const seconds = header ? Number(header) : Number.NaN
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined
}

/** The upstream error for the server log, with any echo of the key cut out. */
function redacted(error: unknown, apiKey: string): unknown {
  if (!(error instanceof Error) || !apiKey || !error.message.includes(apiKey)) return error
  const copy = new Error(error.message.replaceAll(apiKey, '[redacted]'))
  copy.name = error.name
  return copy
}

/**
 * A provider's rate limit: a 429 before the answer starts, or the error event some
 * providers send in the middle of a streamed answer (no status, the limit's code).
 */
export function isRateLimit(error: unknown): error is APIError {
  return error instanceof APIError && (error.status === 429 || error.code === 'rate_limit_exceeded' || error.type === 'rate_limit_exceeded')
}

/** An answer a provider's rate limit cut short after part of it was written: the reader is told so, and when to ask again. */
export function rateLimitedMidAnswer(error: APIError, apiKey: string): AppError {
  return new AppError('rate_limited', 'The language model service’s rate limit cut this answer short. Please ask again in a moment.', {
    cause: redacted(error, apiKey),
    retryAfterSeconds: retryAfterSeconds(error) ?? MID_ANSWER_RETRY_SECONDS,
  })
}

/**
 * The failure a visitor sees once the SDK has given up. The message is ours,
 * never the upstream one: servers echo (parts of) the API key in auth errors.
 * The upstream error, key redacted, stays as `cause` for the server log.
 */
export function serviceUnavailable(error: unknown, service: 'embedding' | 'language model', apiKey: string): AppError {
  if (error instanceof AppError) return error
  const cause = redacted(error, apiKey)
  const subject = `The ${service} service`
  if (error instanceof APIConnectionTimeoutError) {
    return new AppError('unavailable', `${subject} did not answer in time. Please try again shortly.`, { cause })
  }
  if (error instanceof APIError && (error.status === 401 || error.status === 403)) {
    return new AppError('unavailable', `${subject} refused this server's credentials.`, { cause })
  }
  if (isRateLimit(error)) {
    return new AppError('unavailable', `${subject} is busy right now. Please try again shortly.`, {
      cause,
      retryAfterSeconds: retryAfterSeconds(error),
    })
  }
  const status = error instanceof APIError && error.status ? ` (HTTP ${error.status})` : ''
  return new AppError('unavailable', `${subject} is not answering${status}. Please try again shortly.`, {
    cause,
  })
}
