import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { askOracle, demoDocumentTexts, isDecline, PRODUCT_SUGGESTED_QUESTIONS, seedDemoTenants, type BenchHandle } from './product'
import { factPattern, normaliseForFacts } from './questions'

/*
 * The demo as a new user meets it: the demo tenants seeded as npm run seed:demo does, asked
 * the question the product itself suggests, plus the everyday questions of demo-questions.json
 * (each with a key fact from the demo document that answers it). A pass is an answer with a
 * source (not a decline), and the key fact where one is given.
 */

const demoQuestionSchema = z.object({ tenant: z.string(), question: z.string(), keyFacts: z.array(z.string()).default([]) })

export type DemoResult = {
  tenant: string
  question: string
  origin: 'suggested' | 'everyday'
  answered: boolean
  keyFact: boolean | null
  sources: string[]
  response: string
}

/** As for the corpora: each question's first key fact must be in its demo tenant's documents. */
function checkDemoFacts(questions: readonly z.output<typeof demoQuestionSchema>[]): void {
  const texts = demoDocumentTexts()
  const problems = questions.flatMap((q) => {
    const text = texts.get(q.tenant)
    if (text === undefined) return [`${q.question}: unknown demo tenant ${q.tenant}`]
    const [first] = q.keyFacts
    return first && !factPattern(first).test(normaliseForFacts(text)) ? [`${q.question}: /${first}/ is not in ${q.tenant}'s documents`] : []
  })
  if (problems.length > 0) throw new Error(`demo-questions.json does not match the demo documents:\n  ${problems.join('\n  ')}`)
}

export async function checkDemo(db: BenchHandle): Promise<DemoResult[]> {
  const raw: unknown = JSON.parse(await readFile(path.join(import.meta.dirname, 'demo-questions.json'), 'utf8'))
  const everyday = z.array(demoQuestionSchema).parse(raw)
  checkDemoFacts(everyday)
  const tenants = await seedDemoTenants(db)
  const results: DemoResult[] = []
  for (const tenant of tenants) {
    const asked = [
      ...PRODUCT_SUGGESTED_QUESTIONS.map((question) => ({ question, keyFacts: [] as string[], origin: 'suggested' as const })),
      ...everyday.filter((q) => q.tenant === tenant.slug).map((q) => ({ ...q, origin: 'everyday' as const })),
    ]
    for (const q of asked) {
      const answer = await askOracle(db, tenant.id, tenant.member, q.question)
      const text = normaliseForFacts(answer.response)
      results.push({
        tenant: tenant.slug,
        question: q.question,
        origin: q.origin,
        answered: !isDecline(answer),
        keyFact: q.keyFacts.length === 0 ? null : q.keyFacts.some((fact) => factPattern(fact).test(text)),
        sources: answer.sources.map((source) => source.title),
        response: answer.response,
      })
    }
  }
  return results
}

export function printDemo(results: readonly DemoResult[], verbose: boolean, log: (line: string) => void): void {
  const answered = results.filter((r) => r.answered).length
  log(`\nDemo tenants: ${answered}/${results.length} questions answered with a source`)
  for (const r of results) {
    const fact = r.keyFact === null ? '' : r.keyFact ? ', key fact: yes' : ', key fact: NO'
    const how = r.answered
      ? `first source: ${r.sources[0]}`
      : r.sources.length > 0
        ? `declined although ${r.sources.length} sources came back`
        : 'declined, no source'
    log(`  ${r.answered ? 'ok  ' : 'MISS'} ${r.tenant.padEnd(14)} (${r.origin}) ${r.question}  [${how}${fact}]`)
    if (verbose) log(`       ${r.response.slice(0, 300).replace(/\s+/g, ' ')}`)
  }
}
