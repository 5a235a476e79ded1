import { describe, expect, it } from 'vitest'
import type { ChatMessage, ChatStreamEvent } from '@/lib/ai/chat'
import { LocalChat } from '@/lib/ai/offline/chat'
import { countTokens } from '@/lib/ai/tokens'

const messages: ChatMessage[] = [
  { role: 'system', content: 'You are a helpful oracle.' },
  { role: 'user', content: 'An earlier question' },
  { role: 'assistant', content: 'An earlier answer' },
  { role: 'user', content: 'How do I book a session?' },
]

describe('LocalChat', () => {
  it('is labelled offline and answers the last user message with an offline note', async () => {
    const chat = new LocalChat()
    const { text, usage } = await chat.complete(messages)
    expect(chat.offline).toBe(true)
    expect(chat.model).toBe('local-extractive-v1')
    expect(text).toContain('How do I book a session?')
    expect(text).not.toContain('An earlier question')
    expect(text).toMatch(/offline/)
    expect(usage.completionTokens).toBe(countTokens(text))
    expect(usage.promptTokens).toBeGreaterThan(countTokens('How do I book a session?'))
  })

  it('streams word tokens that reassemble into the completed text, then one done event', async () => {
    const chat = new LocalChat()
    const events: ChatStreamEvent[] = []
    for await (const event of chat.stream(messages)) events.push(event)
    const tokens = events.filter((event) => event.type === 'token')
    expect(tokens.length).toBeGreaterThan(5)
    expect(tokens.map((event) => event.text).join('')).toBe((await chat.complete(messages)).text)
    expect(events.at(-1)?.type).toBe('done')
    expect(events.filter((event) => event.type === 'done')).toHaveLength(1)
  })

  it('refuses a conversation without a user message', async () => {
    await expect(new LocalChat().complete([{ role: 'system', content: 'x' }])).rejects.toMatchObject({
      code: 'bad_request',
    })
  })
})

describe('countTokens', () => {
  it('counts cl100k_base tokens', () => {
    expect(countTokens('')).toBe(0)
    expect(countTokens('hello world')).toBe(2)
  })
})
