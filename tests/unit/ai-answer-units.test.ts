import { describe, expect, it } from 'vitest'
import { passageUnits, sentencesOfLine } from '@/lib/ai/offline/passage-units'
import { askedFor, holdsAnswerKind } from '@/lib/ai/offline/question-kind'
import { stemLight } from '@/lib/ai/text-tokens'

describe('sentencesOfLine', () => {
  it('does not end a sentence at an abbreviation such as "e.g." or at an initial', () => {
    expect(sentencesOfLine('Bring a document, e.g. Your passport. Ask J. Smith for help. Then wait.')).toEqual([
      'Bring a document, e.g. Your passport.',
      'Ask J. Smith for help.',
      'Then wait.',
    ])
  })

  it('ends a sentence before a number or a quotation that starts the next one', () => {
    expect(sentencesOfLine('The fee is due. 30 days later it doubles. "Late" means after that.')).toHaveLength(3)
  })
})

describe('passageUnits', () => {
  it('never yields a heading as a unit', () => {
    const units = passageUnits('## Opening hours\nWe open at nine.')
    expect(units.map((unit) => unit.text)).toEqual(['We open at nine.'])
  })

  it('keeps a one-line paragraph such as an email address as a unit of its own', () => {
    const units = passageUnits('Write to the office:\n\nhelp@example.org\n\nWe answer within a day.')
    expect(units.map((unit) => unit.text)).toContain('help@example.org')
  })

  it('keeps list items as items with their markers and a table as one unit', () => {
    const table = '| Plan | Price |\n| --- | --- |\n| Basic | 10 € |'
    const units = passageUnits(`Steps:\n1. Sign in.\n2. Open the form.\n\n${table}`)
    expect(units.filter((unit) => unit.kind === 'item').map((unit) => unit.marker)).toEqual(['1.', '2.'])
    expect(units.find((unit) => unit.kind === 'table')?.text).toBe(table)
  })

  it('joins the lines of a paragraph wrapped at a fixed width before splitting it into sentences', () => {
    const units = passageUnits('You must change your password when you start and every\n60 days after that. Use the reset page\nto do it.')
    expect(units.map((unit) => unit.text)).toEqual([
      'You must change your password when you start and every 60 days after that.',
      'Use the reset page to do it.',
    ])
  })

  it('reads a line right under a list item as the rest of that item, as Markdown does', () => {
    const units = passageUnits('- Report the incident to the service desk\n  within one hour of noticing it.\n- Keep the email.')
    expect(units.map((unit) => [unit.kind, unit.text])).toEqual([
      ['item', 'Report the incident to the service desk within one hour of noticing it.'],
      ['item', 'Keep the email.'],
    ])
  })

  it('keeps a fenced code block whole', () => {
    const code = '```sh\nnpm ci\n\nnpm test\n```'
    expect(passageUnits(`Run:\n\n${code}`).find((unit) => unit.kind === 'code')?.text).toBe(code)
  })
})

describe('stemLight', () => {
  it('folds "managing", "managed" and "manage" to one stem, in questions and passages alike', () => {
    expect(new Set(['managing', 'managed', 'manage', 'manages'].map(stemLight)).size).toBe(1)
  })

  it('folds French plural and feminine forms and ignores accents', () => {
    expect(stemLight('données')).toBe(stemLight('donnée'))
    expect(stemLight('publié')).toBe(stemLight('publier'))
  })
})

describe('askedFor', () => {
  it('recognises what a question asks for, in English and French', () => {
    expect(askedFor('How much do you charge for a consultation?')).toBe('price')
    expect(askedFor('How long do I have to wait?')).toBe('duration')
    expect(askedFor('What email should I write to?')).toBe('contact')
    expect(askedFor('What temperature should my bedroom be?')).toBe('number')
    expect(askedFor('How do I reset my password?')).toBe('steps')
    expect(askedFor('Can I cancel a session?')).toBe('yesno')
    expect(askedFor('Combien de temps dure la procédure ?')).toBe('duration')
  })

  it('tells a unit that holds the value asked for from one that does not', () => {
    expect(holdsAnswerKind('duration', 'You get 12 weeks of paid leave.')).toBe(true)
    expect(holdsAnswerKind('duration', 'Paid leave is a benefit.')).toBe(false)
    expect(holdsAnswerKind('price', 'An initial consultation costs $250.')).toBe(true)
    expect(holdsAnswerKind('contact', 'Write to help@example.org.')).toBe(true)
  })
})
