import { describe, expect, it } from 'vitest'
import { lexicalQuery } from '@/lib/multi-tenant/knowledge/query-text'

describe('lexicalQuery', () => {
  it('drops the words that ask for a kind of answer and keeps the topic', () => {
    expect(lexicalQuery('How long do refunds take?')).toBe('do refunds ?')
    expect(lexicalQuery('How much does the probate usually cost?')).toBe('does the probate cost?')
    expect(lexicalQuery('Combien de temps faut-il pour publier ?')).toBe('faut-il pour publier ?')
  })

  it('keeps a question made only of such words as it is', () => {
    expect(lexicalQuery('How long?')).toBe('How long?')
  })
})
