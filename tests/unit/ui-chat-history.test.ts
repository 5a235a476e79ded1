import { describe, expect, it } from 'vitest'
import { toShownMessage } from '@/lib/client/chat-history'
import { conversationListResponseSchema, conversationResponseSchema } from '@/lib/contracts/conversations'

const summary = {
  id: 'c1',
  title: 'Check-in times',
  messageCount: 2,
  tokensUsed: 40,
  dominantElement: 'earth',
  detectedPhase: 1,
  depthLevel: 1,
  createdAt: '2026-11-23T09:59:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
}

const message = {
  id: 'm1',
  role: 'user',
  content: 'Hi',
  element: null,
  phase: null,
  facet: null,
  sources: [],
  tokensIn: 0,
  tokensOut: 0,
  offline: false,
  feedback: null,
  stopped: false,
  createdAt: '2026-11-23T09:59:00.000Z',
  alternatives: [],
}

const answer = {
  ...message,
  id: 'm2',
  role: 'assistant',
  content: 'Hello [1]',
  element: 'water',
  phase: 2,
  facet: 'water-2',
  sources: [{ id: 's1', knowledgeId: 'k1', title: 'Guide', snippet: 'text', score: 0.8 }],
  tokensIn: 30,
  tokensOut: 10,
  offline: true,
  feedback: 1,
}

describe('the conversation list contract', () => {
  it('reads the list route’s page of summaries', () => {
    const page = conversationListResponseSchema.parse({ items: [summary], page: 1, pageSize: 20, total: 1 })
    expect(page.items).toEqual([summary])
  })

  it('refuses a bare list, another wrapper key, and rows in snake_case', () => {
    expect(conversationListResponseSchema.safeParse([summary]).success).toBe(false)
    expect(conversationListResponseSchema.safeParse({ conversations: [summary], page: 1, pageSize: 20, total: 1 }).success).toBe(false)
    const { messageCount: _count, ...rest } = summary
    const snakeRow = { ...rest, message_count: 2 }
    expect(conversationListResponseSchema.safeParse({ items: [snakeRow], page: 1, pageSize: 20, total: 1 }).success).toBe(false)
  })
})

describe('a stored thread in the chat', () => {
  it('reads a thread’s messages with their reading, sources and feedback', () => {
    const body = conversationResponseSchema.parse({ conversation: { ...summary, messages: [message, answer] }, nextCursor: null })
    const messages = body.conversation.messages.map(toShownMessage)
    expect(messages.map((entry) => entry.role)).toEqual(['user', 'assistant'])
    expect(messages[1]).toMatchObject({
      key: 'm2',
      messageId: 'm2',
      element: 'water',
      phase: 2,
      offline: true,
      feedback: 1,
      status: 'done',
    })
    expect(messages[1]?.sources[0]).toEqual({ id: 's1', knowledgeId: 'k1', title: 'Guide', snippet: 'text', score: 0.8 })
  })

  it('names the facet as a streamed answer does, from the id the thread stores', () => {
    const [shown] = conversationResponseSchema
      .parse({ conversation: { ...summary, messages: [answer] }, nextCursor: null })
      .conversation.messages.map(toShownMessage)
    expect(shown?.facet).toBe('Water 2 — Depths of the Heart')
  })

  it('refuses messages under another wrapper key, or with the sources under another name', () => {
    expect(conversationResponseSchema.safeParse({ messages: [message] }).success).toBe(false)
    const { sources, ...withoutSources } = answer
    const renamed = { ...withoutSources, knowledgeSources: sources }
    expect(conversationResponseSchema.safeParse({ conversation: { ...summary, messages: [renamed] }, nextCursor: null }).success).toBe(
      false,
    )
  })
})
