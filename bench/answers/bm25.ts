import bm25 from 'wink-bm25-text-search'
import nlp from 'wink-nlp-utils'

/*
 * The baseline: BM25 from wink-bm25-text-search (k1 1.2, b 0.75) over the very chunks the
 * product stored, one index per tenant. English text goes through wink-nlp-utils' usual
 * preparation (lower case, tokens, stop words out, Porter2 stems); French through a plain
 * equivalent: lower case, accents and elisions (l', d', qu') removed, French stop words out,
 * and a light plural/feminine stemmer (Savoy's light stemmer in spirit).
 */

export type Language = 'en' | 'fr'

export type Bm25Doc = { id: string; text: string }

const FRENCH_STOP_WORDS = new Set(
  'a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etre est sont ai as avons avez ont suis es etes fait faire peut peuvent doit doivent comme plus tres si ni donc or car quoi quel quelle quels quelles dont ou lorsque quand comment pourquoi combien tout tous toute toutes autre autres ainsi aussi cela ceci ca'.split(
    ' ',
  ),
)

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '')
}

function frenchStem(word: string): string {
  let stem = word
  if (stem.length > 4 && /(aux)$/.test(stem)) stem = `${stem.slice(0, -3)}al`
  else if (stem.length > 3 && /[sx]$/.test(stem)) stem = stem.slice(0, -1)
  if (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1)
  return stem
}

export function frenchTokens(text: string): string[] {
  return stripAccents(text.toLowerCase())
    .replace(/\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 1 && !FRENCH_STOP_WORDS.has(token))
    .map(frenchStem)
}

const englishTasks = [nlp.string.lowerCase, nlp.string.tokenize0, nlp.tokens.removeWords, nlp.tokens.stem, nlp.tokens.propagateNegations]

export class Bm25Index {
  private readonly engine = bm25()

  constructor(language: Language, docs: readonly Bm25Doc[]) {
    this.engine.defineConfig({ fldWeights: { text: 1 }, bm25Params: { k1: 1.2, b: 0.75, k: 1 } })
    this.engine.definePrepTasks(language === 'fr' ? [frenchTokens] : englishTasks)
    for (const doc of docs) this.engine.addDoc({ text: doc.text }, doc.id)
    this.engine.consolidate()
  }

  /** Ids of the best chunks, best first. */
  search(query: string, limit: number): string[] {
    return this.engine.search(query, limit).map(([id]) => String(id))
  }
}
