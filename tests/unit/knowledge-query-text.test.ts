import { describe, expect, it } from 'vitest'
import { lexicalQuery } from '@/lib/multi-tenant/knowledge/query-text'

describe('lexicalQuery', () => {
  it('drops the words that ask for a kind of answer and keeps the topic', () => {
    expect(lexicalQuery('How long do refunds take?')).toBe('do refunds ?')
    expect(lexicalQuery('How much does the probate usually cost?')).toBe('does the probate cost?')
    expect(lexicalQuery('Combien de temps faut-il pour publier ?')).toBe('pour publier ?')
  })

  it('drops conversational filler, hedges and placeholders for the topic', () => {
    expect(lexicalQuery("ugh, I'm locked out again. what now?")).toBe(', I locked out again. ?')
    expect(lexicalQuery("so what's the deal with parking passes? I think I need one or something")).toBe('parking passes? I need one')
    expect(lexicalQuery("I've got a question about refunds and stuff")).toBe('I a question about refunds')
  })

  it('drops French fillers, interrogatives, modal verbs and the pronoun of an inversion', () => {
    expect(lexicalQuery('bon, quelle licence doit-on mettre sur nos données ?')).toBe(', licence mettre sur nos données ?')
    expect(lexicalQuery('Quand la mission a-t-elle été créée, vous avez une idée ?')).toBe('la mission a été créée, ?')
  })

  it('knows word edges after accented letters', () => {
    expect(lexicalQuery('une idée sur les tuiles ? voilà')).toBe('sur les tuiles ?')
    expect(lexicalQuery('les idéeslibres')).toBe('les idéeslibres')
  })

  it('keeps topic words that merely contain a filler', () => {
    expect(lexicalQuery('Is the goal of the audit to get an oklahoma licence?')).toBe('Is the goal of the audit to an oklahoma licence?')
  })

  it('keeps a question made only of such words as it is', () => {
    expect(lexicalQuery('How long?')).toBe('How long?')
    expect(lexicalQuery('ok so, anything?')).toBe('ok so, anything?')
  })
})
