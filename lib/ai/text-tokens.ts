/**
 * The word tokenizer shared by the offline providers: the local embedder hashes
 * these words, the extractive responder matches them against a question. Both
 * must agree on what a "word" is, or retrieval and answer selection drift apart.
 */

// Question words, glue words and the vaguest verbs ("I need help to know..."):
// they match everything, so they say nothing.
const STOPWORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having ' +
    'he her hers him his how i if in into is it its itself me my myself no nor not of off on or our ours ' +
    'she should so such than that the their theirs them then there these they this those through to too ' +
    'us was we were what when where which while who whom why will with would you your yours ' +
    'about also am any just let may might much must shall some very want wants tell ' +
    'get gets need needs know like please help thing things really'
  ).split(' '),
)

const WORD_PATTERN = /[\p{L}\p{N}]+/gu
const APOSTROPHES = /['\u2019]/g

/** NFKC folds look-alike forms (full-width letters, ligatures) into one spelling. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, '')
}

/** Every word of the text, in order, normalised. */
export function wordsOf(text: string): string[] {
  return normalizeText(text).match(WORD_PATTERN) ?? []
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word)
}

/** The words that carry meaning; empty when the text is only glue words. */
export function contentWords(text: string): string[] {
  return wordsOf(text).filter((word) => !STOPWORDS.has(word))
}

/**
 * Folds common English inflections so "budgets" meets "budget" and "needed"
 * meets "need". Deliberately crude: it only has to make overlap counts
 * fairer, never to produce dictionary words; the same word always folds the same way.
 */
export function stemLight(word: string): string {
  if (word.length <= 4) return word
  for (const suffix of ['ingly', 'ings', 'ing', 'edly', 'ed', 'ies', 'ly', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !word.endsWith('ss')) {
      const stem = word.slice(0, -suffix.length)
      return suffix === 'ies' ? `${stem}y` : stem
    }
  }
  return word
}
