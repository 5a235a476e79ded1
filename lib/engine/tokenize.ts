/*
 * A small, deterministic tokeniser for the offline detector. Light suffix stripping lets
 * "feel", "feeling" and "feelings" meet one lexicon stem, so new wording generalises
 * without a dictionary. Cues and input go through the same code, so whatever stem the
 * rules produce (even an odd one like "monei") matches on both sides.
 */

const PLURALS = ['ies', 'es', 's'] as const
const SUFFIXES = [
  'fulness',
  'iveness',
  'ousness',
  'ation',
  'ingly',
  'ness',
  'ment',
  'less',
  'edly',
  'ity',
  'ing',
  'ful',
  'ous',
  'ive',
  'ual',
  'ate',
  'ly',
  'ed',
  'al',
] as const

const MIN_STEM = 3
const MAX_PASSES = 3
const VOWEL = /[aeiouy]/

function strip(word: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (!word.endsWith(suffix)) continue
    if (suffix === 's' && /(ss|us|is)$/.test(word)) return word
    const stem = word.slice(0, -suffix.length)
    if (stem.length < MIN_STEM || !VOWEL.test(stem)) continue
    return suffix === 'ies' ? `${stem}i` : stem
  }
  return word
}

/**
 * Plural first (once, so "purposes" does not lose a second s), then up to three
 * derivational or inflectional suffixes ("meaningfully" -> "mean"), then a final
 * tidy-up of -e, -at, -y and doubled consonants so "meditate"/"meditating" and
 * "run"/"running" meet.
 */
export function stem(word: string): string {
  let current = strip(word, PLURALS)
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const next = strip(current, SUFFIXES)
    if (next === current) break
    current = next
  }
  if (current.length > MIN_STEM && current.endsWith('e')) current = current.slice(0, -1)
  if (current.length > MIN_STEM + 2 && current.endsWith('at')) current = current.slice(0, -2)
  if (current.endsWith('y')) current = `${current.slice(0, -1)}i`
  if (current.length > MIN_STEM && /([b-df-hj-km-np-rtv-z])\1$/.test(current) && !/(ll|ss|zz)$/.test(current)) {
    current = current.slice(0, -1)
  }
  return current
}

export interface Token {
  /** The word as written, lowercased (contractions kept whole: "don't"). */
  raw: string
  stem: string
}

/** Punctuation that ends a clause; "but" acts the same way. */
const CLAUSE_END = /^[.,;:!?()\u2014]$/

/**
 * Lowercase tokens in order; a clause break is `null`, so the reach of a negator or an
 * intensifier stops there ("not X, but Y" does not negate Y).
 */
export function tokenize(text: string): (Token | null)[] {
  const pieces =
    text
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .match(/[a-z0-9]+(?:'[a-z]+)?|[.,;:!?()\u2014]/g) ?? []
  return pieces.map((raw) => (CLAUSE_END.test(raw) || raw === 'but' ? null : { raw, stem: stem(raw.replace(/'s$/, '')) }))
}
