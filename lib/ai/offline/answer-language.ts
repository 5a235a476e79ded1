/** The languages the offline answer's own words (openers, declines, notes) are written in. */
export type AnswerLanguage = 'en' | 'fr' | 'de' | 'es'

// Function words that almost only one of these languages uses: a question of a few words
// holds two or three of them, which is enough to tell the four apart.
const FUNCTION_WORDS: Record<AnswerLanguage, ReadonlySet<string>> = {
  en: new Set(
    'the a an is are was were do does did what which who whom how when where why can could should would will my your our of to in for with on and or not i you we it this that there have has'.split(
      ' ',
    ),
  ),
  fr: new Set(
    "le la les un une des du de est sont quel quelle quels quelles qui que quoi comment quand où pourquoi peut puis dois doit mon ma mes votre vos notre nos et ou ne pas je vous nous il elle ce cette est-ce qu'est-ce au aux pour avec sur dans y a-t-il faut-il l' d' j' qu' n' c' s'".split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das ein eine einen ist sind war was welche welcher wer wie wann wo warum kann können soll muss mein meine ihr ihre unser und oder nicht ich sie wir es dieser diese gibt für mit auf im in zu den dem des bei'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las un una es son qué cuál cuáles quién cómo cuándo dónde por porque puedo puede debo debe mi mis su sus nuestro y o no yo usted nosotros esto esta hay para con en del al tengo'.split(
      ' ',
    ),
  ),
}

// A tenant's content language is a Postgres text search configuration.
const BY_CONTENT_LANGUAGE: Record<string, AnswerLanguage> = { english: 'en', french: 'fr', german: 'de', spanish: 'es' }

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .split(/[^\p{L}'-]+/u)
    .flatMap((word) => (word.includes("'") && !FUNCTION_WORDS.fr.has(word) ? [word.slice(0, word.indexOf("'") + 1), word] : [word]))
    .filter(Boolean)
}

/**
 * The language to frame an offline answer in: the question's own, told by its function
 * words, so a member who asks in French is answered in French; the tenant's content
 * language when the question does not say (too short, or a tie), English otherwise.
 */
export function answerLanguageOf(question: string, contentLanguage?: string | null): AnswerLanguage {
  const fallback = BY_CONTENT_LANGUAGE[contentLanguage ?? ''] ?? 'en'
  const words = wordsOf(question)
  const counts = (Object.keys(FUNCTION_WORDS) as AnswerLanguage[]).map((language) => ({
    language,
    hits: words.filter((word) => FUNCTION_WORDS[language].has(word)).length,
  }))
  counts.sort((a, b) => b.hits - a.hits)
  const [first, second] = counts
  if (!first || first.hits === 0 || first.hits === second?.hits) return fallback
  return first.language
}
