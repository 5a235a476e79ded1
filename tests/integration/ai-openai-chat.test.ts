import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatMessage, ChatStreamEvent } from '@/lib/ai/chat'
import { OpenAIChat, type OpenAIChatOptions } from '@/lib/ai/openai/chat'
import { countTokens, estimatePromptTokens } from '@/lib/ai/tokens'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai'

const REPLY = 'Book a session from the calendar page, then confirm by email.'
const SECRET_KEY = 'sk-live-do-not-leak-1234567890'
const messages: ChatMessage[] = [
  { role: 'system', content: 'You answer from the knowledge base.' },
  { role: 'user', content: 'How do I book a session?' },
]

let fake: FakeOpenAI

beforeEach(async () => {
  fake = await startFakeOpenAI({ replyText: REPLY, usage: { prompt_tokens: 321, completion_tokens: 45 } })
})

afterEach(async () => {
  await fake.close()
})

function chat(options: Partial<OpenAIChatOptions> = {}): OpenAIChat {
  return new OpenAIChat({
    apiKey: SECRET_KEY,
    baseURL: fake.url,
    model: 'gpt-4o-mini',
    timeoutMs: 2_000,
    maxRetries: 1,
    ...options,
  })
}

async function collect(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = []
  for await (const event of stream) events.push(event)
  return events
}

describe('OpenAIChat.complete', () => {
  it("returns the reply with the API's token usage", async () => {
    const result = await chat().complete(messages)
    expect(result).toEqual({ text: REPLY, usage: { promptTokens: 321, completionTokens: 45 } })
  })

  it('sends the model, the messages and the token limit', async () => {
    await chat().complete(messages, { maxTokens: 200 })
    const [request] = fake.requestsTo('/v1/chat/completions')
    expect(request?.body).toMatchObject({ model: 'gpt-4o-mini', messages, max_tokens: 200 })
    expect(request?.body).not.toHaveProperty('stream')
    expect(request?.headers.authorization).toBe(`Bearer ${SECRET_KEY}`)
  })

  it('estimates usage with cl100k_base when the server reports none', async () => {
    fake.usage = null
    const { usage } = await chat().complete(messages)
    expect(usage).toEqual({ promptTokens: estimatePromptTokens(messages), completionTokens: countTokens(REPLY) })
  })

  it('retries after a 429 and succeeds', async () => {
    fake.failNext(429, 1)
    const { text } = await chat().complete(messages)
    expect(text).toBe(REPLY)
    expect(fake.requestsTo('/v1/chat/completions')).toHaveLength(2)
  })

  it('gives up after its retries on repeated 500s with an unavailable error', async () => {
    fake.failNext(500, 5)
    await expect(chat({ maxRetries: 2 }).complete(messages)).rejects.toMatchObject({
      name: 'AppError',
      code: 'unavailable',
      message: expect.stringMatching(/^The language model service is not answering \(HTTP 500\)/),
    })
    expect(fake.requestsTo('/v1/chat/completions')).toHaveLength(3)
  })

  it('keeps the API key out of the error and its logged cause, even when the server echoes it', async () => {
    const strict = await startFakeOpenAI({ apiKey: 'sk-the-right-key' })
    try {
      const error = await chat({ baseURL: strict.url })
        .complete(messages)
        .catch((caught: unknown) => caught)
      expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/refused/) })
      expect(String((error as Error).message)).not.toContain(SECRET_KEY)
      const cause = (error as { cause?: Error }).cause
      expect(cause?.message).toMatch(/Incorrect API key provided: \[redacted\]/)
      expect(cause?.message).not.toContain(SECRET_KEY)
    } finally {
      await strict.close()
    }
  })

  it('turns a server slower than the timeout into an unavailable error', async () => {
    fake.delayMs = 1_000
    await expect(chat({ timeoutMs: 100, maxRetries: 0 }).complete(messages)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/did not answer in time/),
    })
  })
})

describe('OpenAIChat.stream', () => {
  it('yields tokens that reassemble into the reply, then the API usage once', async () => {
    const events = await collect(chat().stream(messages))
    const tokens = events.flatMap((event) => (event.type === 'token' ? [event.text] : []))
    expect(tokens.length).toBeGreaterThan(3)
    expect(tokens.join('')).toBe(REPLY)
    expect(events.filter((event) => event.type === 'done')).toEqual([{ type: 'done', usage: { promptTokens: 321, completionTokens: 45 } }])
    expect(events.at(-1)?.type).toBe('done')
  })

  it('asks the server to stream and to include usage', async () => {
    await collect(chat().stream(messages))
    expect(fake.requestsTo('/v1/chat/completions')[0]?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    })
  })

  it('estimates usage when the stream carries none', async () => {
    fake.usage = null
    const events = await collect(chat().stream(messages))
    expect(events.at(-1)).toEqual({
      type: 'done',
      usage: { promptTokens: estimatePromptTokens(messages), completionTokens: countTokens(REPLY) },
    })
  })

  it('retries a 429 before the stream starts', async () => {
    fake.failNext(429, 1)
    const events = await collect(chat().stream(messages))
    expect(events.at(-1)?.type).toBe('done')
    expect(fake.requestsTo('/v1/chat/completions')).toHaveLength(2)
  })

  it('turns a server that never starts the stream into an unavailable error', async () => {
    fake.delayMs = 1_000
    await expect(collect(chat({ timeoutMs: 100, maxRetries: 0 }).stream(messages))).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/did not answer in time/),
    })
  })

  it('turns a stream that stalls mid-reply into an unavailable error', async () => {
    fake.chunkDelayMs = 1_000
    await expect(collect(chat({ timeoutMs: 150, maxRetries: 0 }).stream(messages))).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/stopped answering mid-reply/),
    })
  })

  it('ends without a done event when the caller aborts', async () => {
    fake.chunkDelayMs = 20
    const controller = new AbortController()
    const events: ChatStreamEvent[] = []
    const consume = async () => {
      for await (const event of chat().stream(messages, { signal: controller.signal })) {
        events.push(event)
        controller.abort()
      }
    }
    await consume().catch(() => undefined)
    expect(events.filter((event) => event.type === 'done')).toHaveLength(0)
    expect(events.length).toBeLessThan(REPLY.split(' ').length)
  })
})
