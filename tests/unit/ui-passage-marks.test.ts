import { describe, expect, it } from 'vitest'
import { findPassage, markPassages } from '@/lib/client/passage-marks'

const CHUNK = '## Check-in\n\nCheck-in starts at 3 pm.\nGuests arriving  after 10 pm should call the front desk.\n\nPets are welcome.'

describe('findPassage', () => {
  it('finds a snippet whose whitespace was collapsed and whose ends were cut with an ellipsis', () => {
    const range = findPassage(CHUNK, '…Guests arriving after 10 pm should call the front…')
    expect(range).not.toBeNull()
    const [start, end] = range ?? [0, 0]
    expect(CHUNK.slice(start, end)).toBe('Guests arriving  after 10 pm should call the front')
  })

  it('matches across line breaks and case', () => {
    const range = findPassage(CHUNK, 'starts at 3 PM. guests arriving')
    const [start, end] = range ?? [0, 0]
    expect(CHUNK.slice(start, end)).toBe('starts at 3 pm.\nGuests arriving')
  })

  it('answers null for a passage that is not in the text, and for an empty one', () => {
    expect(findPassage(CHUNK, 'The spa opens at 7 am.')).toBeNull()
    expect(findPassage(CHUNK, ' … ')).toBeNull()
  })
})

describe('markPassages', () => {
  it('marks each passage found and keeps the text between them, losing no character', () => {
    const segments = markPassages(CHUNK, ['Check-in starts at 3 pm.', 'Pets are welcome.'])
    expect(segments.map((segment) => segment.text).join('')).toBe(CHUNK)
    expect(segments.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual([
      'Check-in starts at 3 pm.',
      'Pets are welcome.',
    ])
    expect(segments[0]).toEqual({ text: '## Check-in\n\n', marked: false })
  })

  it('merges overlapping passages into one mark', () => {
    const segments = markPassages(CHUNK, ['starts at 3 pm. Guests', 'Guests arriving after 10 pm'])
    expect(segments.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual([
      'starts at 3 pm.\nGuests arriving  after 10 pm',
    ])
  })

  it('leaves the text unmarked when no passage is in it', () => {
    expect(markPassages(CHUNK, ['nowhere to be found'])).toEqual([{ text: CHUNK, marked: false }])
    expect(markPassages('', ['x'])).toEqual([{ text: '', marked: false }])
  })
})
