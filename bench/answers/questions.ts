import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'

/*
 * The question set (questions.json) and its checks. A key fact is a case-insensitive
 * regular expression source; an answer is correct when it matches any one of the
 * alternatives. The first alternative is the fact as the corpus words it and must occur in
 * one of the question's expected documents, or the run stops (a fact the corpus does not hold
 * would count the product wrong for the wrong reason); later alternatives are equivalent
 * forms a fair reader accepts ("twelve weeks" for "12 weeks") and need not.
 */

export const KINDS = ['answerable', 'vague', 'unanswerable', 'wrong-tenant'] as const
export type Kind = (typeof KINDS)[number]

const questionSchema = z
  .object({
    id: z.string().min(1),
    tenant: z.string().min(1),
    kind: z.enum(KINDS),
    question: z.string().min(3),
    documents: z.array(z.string().min(1)).default([]),
    keyFacts: z.array(z.string().min(1)).default([]),
    note: z.string().optional(),
  })
  .refine(
    (q) => (q.kind === 'answerable' || q.kind === 'vague' ? q.documents.length > 0 && q.keyFacts.length > 0 : q.documents.length === 0),
    {
      message: 'answerable and vague questions need documents and keyFacts; the others have no documents',
    },
  )

export type Question = z.output<typeof questionSchema>

export const CORPORA_DIR = path.join(import.meta.dirname, 'corpora')

export async function loadQuestions(): Promise<Question[]> {
  const raw: unknown = JSON.parse(await readFile(path.join(import.meta.dirname, 'questions.json'), 'utf8'))
  const questions = z.array(questionSchema).parse(raw)
  const ids = new Set<string>()
  for (const q of questions) {
    if (ids.has(q.id)) throw new Error(`questions.json: duplicate id ${q.id}`)
    ids.add(q.id)
  }
  return questions
}

export function factPattern(fact: string): RegExp {
  return new RegExp(fact, 'iu')
}

/** Text as a reader sees it for fact matching: Markdown escapes and soft line breaks do not count. */
export function normaliseForFacts(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!&])/g, '$1').replace(/\s+/g, ' ')
}

/** Fails loudly when a question names a document that is missing or a fact its documents lack. */
export async function checkQuestions(questions: readonly Question[], tenants: ReadonlySet<string>): Promise<void> {
  const problems: string[] = []
  for (const q of questions) {
    if (!tenants.has(q.tenant)) problems.push(`${q.id}: unknown tenant ${q.tenant}`)
    const texts: string[] = []
    for (const doc of q.documents) {
      try {
        texts.push(normaliseForFacts(await readFile(path.join(CORPORA_DIR, q.tenant, doc), 'utf8')))
      } catch {
        problems.push(`${q.id}: no document ${q.tenant}/${doc}`)
      }
    }
    for (const [index, fact] of q.keyFacts.entries()) {
      let pattern: RegExp
      try {
        pattern = factPattern(fact)
      } catch (error) {
        problems.push(`${q.id}: key fact /${fact}/ is not a valid pattern (${String(error)})`)
        continue
      }
      if (index === 0 && !texts.some((text) => pattern.test(text))) {
        problems.push(`${q.id}: key fact /${fact}/ is in none of ${q.documents.join(', ')}`)
      }
    }
  }
  if (problems.length > 0) throw new Error(`questions.json does not match the corpora:\n  ${problems.join('\n  ')}`)
}

export function hasKeyFact(answer: string, q: Question): boolean {
  const text = normaliseForFacts(answer)
  return q.keyFacts.some((fact) => factPattern(fact).test(text))
}
