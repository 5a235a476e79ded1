import type { ChatCompletionChunk } from '@/lib/contracts/v1'
import type { KnowledgeSource } from '@/lib/contracts/oracle'
import type { OracleEvent } from '@/lib/multi-tenant/oracle'
import { openAiErrorBody, toAppError } from '@/lib/errors'

/*
 * The oracle's events as OpenAI's stream: `data: {chat.completion.chunk}` lines, the
 * first naming the assistant's role, one per piece of text, the last with
 * finish_reason, usage and the answer's sources; then `data: [DONE]`. A failure after
 * the stream started is a `data: {"error": ...}` line, which OpenAI's clients raise.
 */

type StreamIdentity = { id: string; created: number; model: string }

function chunk(identity: StreamIdentity, delta: ChatCompletionChunk['choices'][number]['delta'], extra: Partial<ChatCompletionChunk> = {}) {
  const body: ChatCompletionChunk = {
    ...identity,
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: extra.usage ? 'stop' : null, logprobs: null }],
    ...extra,
  }
  return `data: ${JSON.stringify(body)}\n\n`
}

function frameOf(event: OracleEvent, identity: StreamIdentity, sources: { value: KnowledgeSource[] }): string {
  switch (event.type) {
    case 'meta':
      sources.value = event.knowledgeSources
      return chunk(identity, { role: 'assistant', content: '' })
    case 'token':
      return chunk(identity, { content: event.text })
    case 'done':
      return (
        chunk(
          identity,
          {},
          {
            usage: {
              prompt_tokens: event.usage.promptTokens,
              completion_tokens: event.usage.completionTokens,
              total_tokens: event.usage.totalTokens,
            },
            sources: sources.value,
          },
        ) + 'data: [DONE]\n\n'
      )
  }
}

const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
}

/**
 * Waits for the first event, so a refusal before the answer starts (429 over the month's
 * limit, say) is a JSON error with its status, then streams the rest. `onCancel` runs
 * when the client goes away, to stop the model.
 */
export async function completionStream(
  events: AsyncGenerator<OracleEvent>,
  identity: StreamIdentity,
  onCancel: () => void,
): Promise<Response> {
  const sources = { value: [] as KnowledgeSource[] }
  const first = await events.next()
  const encoder = new TextEncoder()
  let cancelled = false
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close()
      else controller.enqueue(encoder.encode(frameOf(first.value, identity, sources)))
    },
    async pull(controller) {
      let frame: string | null
      try {
        const next = await events.next()
        frame = next.done ? null : frameOf(next.value, identity, sources)
      } catch (error) {
        if (cancelled) return
        const appError = toAppError(error)
        if (appError.status >= 500) console.error('[v1] stream failed', appError.code, appError.cause ?? appError)
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(openAiErrorBody(appError))}\n\n`))
        controller.close()
        return
      }
      if (cancelled) return
      if (frame === null) controller.close()
      else controller.enqueue(encoder.encode(frame))
    },
    async cancel() {
      cancelled = true
      onCancel()
      await events.return(undefined)
    },
  })
  return new Response(body, { status: 200, headers: STREAM_HEADERS })
}
