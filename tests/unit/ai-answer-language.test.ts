import { describe, expect, it } from 'vitest'
import { answerLanguageOf } from '@/lib/ai/offline/answer-language'

describe('answerLanguageOf', () => {
  it.each([
    ['What temperature should my bedroom be?', 'en'],
    ['Quel encodage de caractères est recommandé pour un fichier de données ?', 'fr'],
    ['bon, est-ce que ma petite mairie doit vraiment tout mettre en open data ?', 'fr'],
    ["j'ai des noms de personnes dans nos décisions, je fais comment pour les publier ?", 'fr'],
    ['Wie viele Urlaubstage habe ich im Jahr?', 'de'],
    ['¿Cuántos días de vacaciones tengo al año?', 'es'],
  ])('tells the language of %j by its function words', (question, language) => {
    expect(answerLanguageOf(question, 'english')).toBe(language)
  })

  it('falls back to the tenant content language when the question names no function word', () => {
    expect(answerLanguageOf('RGPD ?', 'french')).toBe('fr')
    expect(answerLanguageOf('PIV badge', 'english')).toBe('en')
  })

  it('falls back to English for a content language it has no words for', () => {
    expect(answerLanguageOf('Hinta?', 'finnish')).toBe('en')
    expect(answerLanguageOf('Hinta?', 'simple')).toBe('en')
  })
})
