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

const SUFFIXES = ['ingly', 'edly', 'ings', 'ing', 'ies', 'ied', 'ed', 'ly', 'es', 's', 'x', 'er', 'e']

/**
 * Folds common English and French inflections so "budgets" meets "budget", "managing"
 * meets "manage" and "données" meets "donnée". Accents are dropped first. Deliberately
 * crude: it only has to make overlap counts fairer, never to produce dictionary words;
 * the same word always folds the same way, in a question and in a passage alike.
 */
export function stemLight(word: string): string {
  let stem = word.normalize('NFD').replace(/\p{M}/gu, '')
  if (stem.length <= 3) return stem
  // At most two suffixes ("managers" -> "manager" -> "manag"), never below three letters.
  for (let round = 0; round < 2; round += 1) {
    const suffix = SUFFIXES.find((end) => stem.endsWith(end) && stem.length - end.length >= 3 && !(end === 's' && stem.endsWith('ss')))
    if (!suffix) break
    stem = stem.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '')
    if (suffix === 'ies' || suffix === 'ied') break
  }
  return stem
}
