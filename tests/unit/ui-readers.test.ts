import { describe, expect, it } from 'vitest'
import { describeUpload, readKnowledgePage } from '@/components/dashboard/knowledge-results'
import { readConversationList, readConversationMessages } from '@/lib/client/conversations'

describe('conversation readers', () => {
  it('reads the list route’s page of summaries', () => {
    const list = readConversationList({
      items: [{ id: 'c1', title: 'Check-in times', messageCount: 4, dominantElement: 'earth', updatedAt: '2026-11-23T10:00:00.000Z' }, { nope: true }],
      page: 1,
      total: 1,
    })
    expect(list).toEqual([{ id: 'c1', title: 'Check-in times', messageCount: 4, dominantElement: 'earth', updatedAt: '2026-11-23T10:00:00.000Z' }])
  })

  it('reads a thread’s messages with their reading, sources and feedback', () => {
    const messages = readConversationMessages({
      conversation: {
        id: 'c1',
        messages: [
          { id: 'm1', role: 'user', content: 'Hi', element: null, phase: null, facet: null, sources: [], offline: false, feedback: null },
          { id: 'm2', role: 'assistant', content: 'Hello [1]', element: 'water', phase: 2, facet: 'Water 2 — Depths of the Heart', sources: [{ id: 's1', title: 'Guide', snippet: 'text', score: 0.8 }], offline: true, feedback: 1 },
        ],
      },
    })
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant'])
    expect(messages[1]).toMatchObject({ messageId: 'm2', element: 'water', phase: 2, offline: true, feedback: 1, status: 'done' })
    expect(messages[1]?.sources[0]).toEqual({ id: 's1', title: 'Guide', snippet: 'text', score: 0.8 })
  })
})

describe('knowledge readers', () => {
  it('reads a page of documents in either casing', () => {
    const page = readKnowledgePage({ items: [{ id: 'k1', title: 'Policies', source_type: 'pdf', byte_size: '2048', chunk_count: 3 }], total: 1, storage: { usedBytes: 2048, limitBytes: null } })
    expect(page).toEqual({
      items: [{ id: 'k1', title: 'Policies', sourceType: 'pdf', filename: null, category: null, byteSize: 2048, chunkCount: 3, createdAt: null }],
      total: 1,
      storage: { usedBytes: 2048, limitBytes: null },
    })
  })

  it('describes one file’s upload result: added, duplicate or refused with the reason', () => {
    expect(describeUpload({ results: [{ filename: 'a.pdf', status: 'created', id: 'k1', title: 'A', chunkCount: 2 }] })).toEqual({ ok: true, message: 'Added as “A”, 2 passages.' })
    expect(describeUpload({ results: [{ filename: 'a.pdf', status: 'duplicate', id: 'k1', title: 'A' }] })).toEqual({ ok: true, message: 'Already in the knowledge base as “A”.' })
    expect(describeUpload({ results: [{ filename: 'b.pdf', error: { code: 'unprocessable', message: 'The PDF is encrypted.' } }] })).toEqual({ ok: false, message: 'The PDF is encrypted.' })
    expect(describeUpload(null).ok).toBe(false)
  })
})
