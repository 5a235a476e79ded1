/*
 * The words of a question that say what kind of answer is wanted ("how long does it
 * take", "combien de temps") rather than what it is about. They are not stop words to
 * Postgres, so left in they count as topic words the documents lack, and a question
 * phrased as a question would look less covered than the same words typed as keywords.
 * Only the full-text side of the search drops them; the embedding sees the whole question.
 */
const QUESTION_FORM = new RegExp(
  [
    String.raw`\bhow (?:long|much|many|often|soon|far|early|late)\b`,
    String.raw`\b(?:does|do|will|would|did) (?:it|this|that) (?:usually |normally |typically )?take\b`,
    String.raw`\btakes?(?=\s*[?.!]*\s*$)`,
    String.raw`\b(?:usually|typically|normally|exactly|actually|really|roughly|approximately)\b`,
    String.raw`\b(?:supposed|allowed|required|able) to\b`,
    String.raw`\b(?:what|which) happens\b`,
    String.raw`\b(?:please|thanks|thank you|hi|hello|hey)\b`,
    String.raw`\bcombien(?: de temps)?\b`,
    String.raw`\b(?:est-ce que|est-ce qu'|qu'est-ce que|qu'est-ce qui)`,
    String.raw`\b(?:vraiment|exactement|habituellement|généralement|environ)\b`,
    String.raw`\b(?:s'il vous plaît|merci|bonjour)\b`,
  ].join('|'),
  'giu',
)

/** The question as the full-text search reads it. Never empty when the question is not. */
export function lexicalQuery(question: string): string {
  const stripped = question.replace(QUESTION_FORM, ' ').replace(/\s+/g, ' ').trim()
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : question
}
