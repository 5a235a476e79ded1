import { describe, expect, it } from 'vitest'
import type { ChatStreamEvent } from '@/lib/ai/chat'
import { removeStrayCitations, withoutStrayCitations } from '@/lib/multi-tenant/oracle/citations'

async function* tokens(parts: string[]): AsyncIterable<ChatStreamEvent> {
  for (const text of parts) yield { type: 'token', text }
  yield { type: 'done', usage: { promptTokens: 3, completionTokens: parts.length } }
}

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<{ text: string; done: number }> {
  let text = ''
  let done = 0
  for await (const event of events) {
    if (event.type === 'token') text += event.text
    else done += 1
  }
  return { text, done }
}

describe('citations outside the sources given', () => {
  it('removes [n] beyond the number of sources, and [0], with the space before them, keeping the rest', () => {
    expect(removeStrayCitations('Deposits are refunded [2]; fees are not [7].', 2)).toBe('Deposits are refunded [2]; fees are not.')
    expect(removeStrayCitations('See [0][1][3] and [12].', 2)).toBe('See[1] and.')
    expect(removeStrayCitations('Nothing to cite.', 0)).toBe('Nothing to cite.')
    expect(removeStrayCitations('No sources [1].', 0)).toBe('No sources.')
  })

  it('removes them from a stream whatever the tokens split, and passes every other character through in order', async () => {
    const answer = 'Refunds take 10 days [2], fees are kept [9] [1].\nSee [30] also [3].'
    const expected = 'Refunds take 10 days [2], fees are kept [1].\nSee also.'
    expect(removeStrayCitations(answer, 2)).toBe(expected)
    for (const size of [1, 2, 3, 5, 8, answer.length]) {
      const parts = answer.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? []
      expect(await collect(withoutStrayCitations(tokens(parts), 2))).toEqual({ text: expected, done: 1 })
    }
  })

  it('keeps a bracketed number that never closes, once the stream ends', async () => {
    expect((await collect(withoutStrayCitations(tokens(['Room [', '12']), 2))).text).toBe('Room [12')
  })
})
