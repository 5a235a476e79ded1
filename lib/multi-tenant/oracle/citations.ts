import type { ChatStreamEvent } from '@/lib/ai/chat'

/*
 * A model's [n] must name one of the passages it was given (numbered 1..count, the
 * positions of the returned sources). A number outside that range points at nothing the
 * reader can open, so it is removed, with the space before it.
 */

const CITATION = /\s*\[(\d+)\]/g
// What the end of a chunk may hold of a citation not yet complete: spaces, "[", digits.
const OPEN_TAIL = /\s*(?:\[\d{0,6})?$/

export function removeStrayCitations(text: string, count: number): string {
  return text.replace(CITATION, (match, n: string) => (Number(n) >= 1 && Number(n) <= count ? match : ''))
}

/**
 * The same on a stream: a citation can arrive split over tokens ("[", "7", "]"), so the
 * end of each chunk that could still become one waits for the next token.
 */
export async function* withoutStrayCitations(events: AsyncIterable<ChatStreamEvent>, count: number): AsyncIterable<ChatStreamEvent> {
  let pending = ''
  for await (const event of events) {
    if (event.type === 'done') {
      const rest = removeStrayCitations(pending, count)
      pending = ''
      if (rest) yield { type: 'token', text: rest }
      yield event
      continue
    }
    pending += event.text
    const tail = OPEN_TAIL.exec(pending)?.[0] ?? ''
    const ready = removeStrayCitations(pending.slice(0, pending.length - tail.length), count)
    pending = tail
    if (ready) yield { type: 'token', text: ready }
  }
}
