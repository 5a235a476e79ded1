import { describe, expect, it } from 'vitest'
import { uploadBatches } from '@/components/dashboard/upload-batches'
import { readConversationList, readConversationMessages } from '@/lib/client/conversations'

describe('conversation readers', () => {
  it('reads the list route’s page of summaries', () => {
    const list = readConversationList({
      items: [
        { id: 'c1', title: 'Check-in times', messageCount: 4, dominantElement: 'earth', updatedAt: '2026-11-23T10:00:00.000Z' },
        { nope: true },
      ],
      page: 1,
      total: 1,
    })
    expect(list).toEqual([
      { id: 'c1', title: 'Check-in times', messageCount: 4, dominantElement: 'earth', updatedAt: '2026-11-23T10:00:00.000Z' },
    ])
  })

  it('reads a thread’s messages with their reading, sources and feedback', () => {
    const messages = readConversationMessages({
      conversation: {
        id: 'c1',
        messages: [
          { id: 'm1', role: 'user', content: 'Hi', element: null, phase: null, facet: null, sources: [], offline: false, feedback: null },
          {
            id: 'm2',
            role: 'assistant',
            content: 'Hello [1]',
            element: 'water',
            phase: 2,
            facet: 'Water 2 — Depths of the Heart',
            sources: [{ id: 's1', title: 'Guide', snippet: 'text', score: 0.8 }],
            offline: true,
            feedback: 1,
          },
        ],
      },
    })
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant'])
    expect(messages[1]).toMatchObject({ messageId: 'm2', element: 'water', phase: 2, offline: true, feedback: 1, status: 'done' })
    expect(messages[1]?.sources[0]).toEqual({ id: 's1', title: 'Guide', snippet: 'text', score: 0.8 })
  })
})

describe('upload batches', () => {
  const file = (name: string, bytes: number) => new File([new Uint8Array(bytes)], name)

  it('sends at most 500 files and five full-size files of bytes per request', () => {
    const many = Array.from({ length: 1203 }, (_, i) => file(`n${i}.md`, 10))
    expect(uploadBatches(many, 20).map((batch) => batch.length)).toEqual([500, 500, 203])
    const big = Array.from({ length: 7 }, (_, i) => file(`b${i}.pdf`, 20 * 1024 * 1024))
    expect(uploadBatches(big, 20).map((batch) => batch.length)).toEqual([5, 2])
  })
})
