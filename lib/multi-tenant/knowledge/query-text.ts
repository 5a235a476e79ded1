/*
 * The words of a question that say what kind of answer is wanted ("how long does it
 * take", "combien de temps") rather than what it is about. They are not stop words to
 * Postgres, so left in they count as topic words the documents lack, and a question
 * phrased as a question would look less covered than the same words typed as keywords.
 * Only the full-text side of the search drops them; the embedding sees the whole question.
 */
const QUESTION_FORM = [
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
]

/*
 * How people talk to an assistant rather than what they ask about: interjections and
 * discourse markers ("ugh", "so", "bon", "du coup"), hedges ("I think", "kind of", "at
 * all"), placeholders for the topic itself ("anything", "stuff", "quelque chose"), light
 * verbs and modal verbs ("get", "pouvez", "faut"), French interrogatives, the subject
 * pronoun of a French inversion ("a-t-elle", "peut-on") and the tail of an English
 * contraction ("I'm", "I've"). Postgres keeps most of them as lexemes; a lexeme the
 * documents lack counts as the rarest word there is against a chunk's coverage, so a
 * question asked casually looked less answered than the same question asked plainly, and
 * one the documents happen to hold ("deal", "go") pulled in chunks about nothing asked.
 */
const CONVERSATION = [
  String.raw`(?<=\p{L})['’](?:m|ve|ll|d|re|s)\b`,
  String.raw`\b(?:ugh|uh|um+|hmm+|oh|ok|okay|hey|yeah|well|anyway|btw|so|also|just|now)\b`,
  String.raw`\bwhat'?s the (?:deal|story|situation) (?:with|about)\b`,
  String.raw`\b(?:i|we) (?:think|guess|wonder|believe|suppose|feel)\b`,
  String.raw`\b(?:i'?m|i am|we'?re|we are|i was|we were) (?:wondering|thinking(?: about)?|trying to|looking for)\b`,
  String.raw`\b(?:kind of|sort of|a bit|a little|at all|or something|and stuff|and so on|what now|any ideas?|by any chance)\b`,
  String.raw`\b(?:anything|something|everything|stuff|someone|somebody|anyone|anybody)\b`,
  String.raw`\b(?:get|gets|got|getting|going|gonna)\b`,
  String.raw`(?<=\p{L})-(?:t-)?(?:il|elle|on|je|tu|nous|vous|ils|elles)\b`,
  String.raw`\b(?:bon|alors|donc|bref|euh|bah|voilà|voila|du coup|en fait|au fait|enfin|salut|svp|stp)\b`,
  String.raw`\b(?:quelque chose|quelqu'un|une idée|des idées|vous avez|tu as|il y a|y a)\b`,
  String.raw`\b(?:quel|quelle|quels|quelles|lequel|laquelle|pourquoi|quand|où)\b`,
  String.raw`\b(?:peux|peut|pouvons|pouvez|peuvent|dois|doit|devons|devez|doivent|faut|voudrais|voudrait|voudrions|aimerais|aimerait|souhaite|souhaitons)\b`,
]

// \b in a JavaScript regular expression only knows ASCII letters ("idée" has no edge after
// its "é"); this edge knows every letter.
const WORD_EDGE = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`

const NOT_TOPIC = new RegExp(
  [...QUESTION_FORM, ...CONVERSATION].map((source) => source.replaceAll(String.raw`\b`, WORD_EDGE)).join('|'),
  'giu',
)

/** The question as the full-text search reads it. Never empty when the question is not. */
export function lexicalQuery(question: string): string {
  const stripped = question.replace(NOT_TOPIC, ' ').replace(/\s+/g, ' ').trim()
  return /[\p{L}\p{N}]/u.test(stripped) ? stripped : question
}
