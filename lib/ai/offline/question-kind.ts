/*
 * What a question asks for, when its form says so: a price, a duration, a date, an
 * address, an email, a number, steps, or yes / no. The responder prefers passages' units
 * that hold that kind of value. English and French forms.
 */

export type AnswerKind = 'price' | 'duration' | 'date' | 'place' | 'contact' | 'number' | 'steps' | 'yesno' | 'open'

const ASKS: [AnswerKind, RegExp][] = [
  [
    'price',
    /\b(how much (?:does|do|is|are|will|would)?\s*(?:it|this|that|they|you|we|i)?\s*(?:cost|charge|pay)|how much do (?:you|they) charge|price|pricing|cost|costs|fee|fees|rate|rates|charge|charges|tariff|combien (?:ça |cela )?co[uû]te|prix|tarif|co[uû]t|frais)\b/i,
  ],
  [
    'duration',
    /\b(how long|how many (?:days|weeks|months|years|hours|minutes)|for how long|duration|combien de temps|pendant combien|quelle dur[ée]e|d[ée]lai|combien de (?:jours|semaines|mois|ann[ée]es|heures))\b/i,
  ],
  ['date', /\b(when|what date|which date|what day|deadline|by when|quand|quelle date|à quelle date|date limite|jusqu'à quand)\b/i],
  [
    'contact',
    /\b(e-?mail|email address|contact|reach|phone|call|write to|courriel|adresse (?:e-?mail|électronique)|joindre|contacter|téléphone)\b/i,
  ],
  ['place', /\b(where|address|located|location|o[uù] (?:se|est|sont|trouver|puis)|adresse|lieu)\b/i],
  [
    'number',
    /\b(how many|how much|what temperature|what percentage|what size|how big|how old|combien|quel (?:nombre|pourcentage|montant)|temp[ée]rature)\b/i,
  ],
  [
    'steps',
    /\b(how (?:do|can|should|would) (?:i|we|you)|how to|what (?:are the )?steps|process for|procedure|comment (?:faire|puis-je|peut-on|dois-je|on)|comment\b|quelles (?:sont les )?[ée]tapes|proc[ée]dure|d[ée]marche)/i,
  ],
  [
    'yesno',
    /^\s*(can|could|may|do|does|did|is|are|am|was|were|should|will|would|have|has|est-ce que?|puis-je|peut-on|dois-je|faut-il|ai-je|suis-je|y a-t-il)\b/i,
  ],
]

// "What can you help me with?": a question about the assistant's knowledge as a whole.
const OVERVIEW =
  /^\s*(?:hi|hello|bonjour)?[,!.\s]*(?:(?:so|and|ok),?\s+)?(?:what|how|which (?:topics|subjects))\s+(?:can|could|do|would)\s+(?:you|i ask you)\s*(?:help|assist|do|answer|know|tell me)?\s*(?:me|us)?\s*(?:with|about)?\s*(?:here|today)?\s*[?.!]*\s*$|^\s*(?:que|qu'est-ce que)\s+(?:pouvez|peux)[- ](?:vous|tu)\s+(?:faire|m'apprendre)(?:\s+pour\s+(?:moi|nous))?\s*[?.!]*\s*$|^\s*(?:sur quoi|comment)\s+(?:pouvez|peux)[- ](?:vous|tu)\s+m'aider\s*[?.!]*\s*$/i

/** Whether the question asks what the assistant knows about rather than about one topic. */
export function isOverviewQuestion(question: string): boolean {
  return OVERVIEW.test(question)
}

export function askedFor(question: string): AnswerKind {
  for (const [kind, pattern] of ASKS) if (pattern.test(question)) return kind
  return 'open'
}

const NUMBER = /\d/
const VALUES: Record<Exclude<AnswerKind, 'steps' | 'yesno' | 'open'>, RegExp> = {
  price:
    /(?:[$€£¥]\s?\d|\d[\d\s.,]*\s?(?:[$€£¥]|euros?|dollars?|usd|eur|gbp|pounds?)\b|\bfree\b|\bgratuit|\bno (?:charge|cost|fee)\b|\d+\s?%)/i,
  duration:
    /\b(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|trente)[\s-]+(?:business |working |calendar |jours? ouvr[ée]s )?(?:seconds?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|secondes?|heures?|jours?|semaines?|mois|ans?|années?)\b/i,
  date: /\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{1,2}(?:st|nd|rd|th|er)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)[a-zéû]*|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|(?:19|20)\d{2}|within \d+|before|after|by the end|deadline|avant le|au plus tard|chaque (?:année|mois|semaine))\b/i,
  contact: /(?:[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d\s().-]{7,}\d|#[a-z][\w-]+|\bslack\b)/i,
  place:
    /(?:\d+\s+\w+\s+(?:street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd|lane|way|rue|place|allée|quai)\b|\b(?:floor|suite|room|building|étage|bureau|salle)\b|\b\d{5}\b|https?:\/\/|\b[\w-]+\.(?:gov|gouv\.fr|org|com|fr|io)\b)/i,
  number: NUMBER,
}

/** Whether a unit of text holds the kind of value the question asks for. */
export function holdsAnswerKind(kind: AnswerKind, text: string): boolean {
  if (kind === 'steps' || kind === 'yesno' || kind === 'open') return false
  return VALUES[kind].test(text)
}
