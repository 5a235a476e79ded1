import { contentWords, normalizeText, stemLight } from '@/lib/ai/text-tokens'

export type SourcePassage = { index: number; title: string; content: string; score: number }

export type PickedSentence = {
  text: string
  /** The passage's `index`, cited as `[n]`. */
  citation: number
  /** How many of the question's distinct content words the sentence contains. */
  matched: number
}

const MAX_SENTENCES = 4
const MIN_SENTENCES = 2
const MAX_SENTENCE_CHARS = 300
const MIN_SENTENCE_WORDS = 3

// Markdown list markers and heading hashes are layout, not words to quote.
const LINE_MARKER = /^\s*(?:#{1,6}|[-*+>]|\d+[.)])\s+/
const SENTENCE_END = /(?<=[.!?])\s+(?=["'(\p{Lu}\p{N}])/u

function termsOf(text: string): Set<string> {
  return new Set(contentWords(text).map(stemLight))
}

function sentencesOf(content: string): string[] {
  return content
    .split(/\n+/)
    .map((line) => line.replace(LINE_MARKER, '').trim())
    .flatMap((line) => line.split(SENTENCE_END))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= MIN_SENTENCE_WORDS)
}

function shortened(sentence: string): string {
  if (sentence.length <= MAX_SENTENCE_CHARS) return sentence
  const cut = sentence.slice(0, MAX_SENTENCE_CHARS)
  return `${cut.slice(0, cut.lastIndexOf(' ')).trimEnd()}…`
}

type Candidate = PickedSentence & { rank: number }

/**
 * The sentences of the passages that best answer the question, best first,
 * or none when no sentence shares enough words with it to count as relevant.
 */
export function pickSentences(question: string, passages: readonly SourcePassage[]): PickedSentence[] {
  const questionTerms = termsOf(question)
  if (questionTerms.size === 0) return []
  // Long questions share a stray word with almost anything; ask for two.
  const relevantAt = questionTerms.size >= 6 ? 2 : 1

  const candidates: Candidate[] = []
  for (const passage of passages) {
    sentencesOf(passage.content).forEach((sentence, position) => {
      const sentenceTerms = termsOf(sentence)
      let matched = 0
      for (const term of questionTerms) if (sentenceTerms.has(term)) matched += 1
      if (matched === 0) return
      // Overlap decides; retrieval score and an early position only break ties.
      const rank = matched / questionTerms.size + 0.05 * Math.min(1, Math.max(0, passage.score)) - 0.001 * position
      candidates.push({ text: shortened(sentence), citation: passage.index, matched, rank })
    })
  }
  candidates.sort((a, b) => b.rank - a.rank)

  const best = candidates[0]
  if (!best || best.matched < relevantAt) return []
  const strongEnough = Math.max(1, Math.ceil(best.matched / 2))
  const picked: PickedSentence[] = []
  const seen = new Set<string>()
  for (const candidate of candidates) {
    if (picked.length >= MAX_SENTENCES) break
    if (candidate.matched < strongEnough && picked.length >= MIN_SENTENCES) break
    const key = normalizeText(candidate.text)
    if (seen.has(key)) continue
    seen.add(key)
    picked.push({ text: candidate.text, citation: candidate.citation, matched: candidate.matched })
  }
  return picked
}
