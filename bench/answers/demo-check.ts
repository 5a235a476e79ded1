import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { Database } from '@/lib/db'
import { askOracle, isDecline, PRODUCT_SUGGESTED_QUESTIONS, seedDemoTenants } from './product'
import { factPattern, normaliseForFacts } from './questions'

/*
 * The demo as a new user meets it: the demo tenants seeded as npm run seed:demo does, asked
 * the question the product itself suggests, plus the everyday questions of demo-questions.json
 * (each with a key fact from the demo document that answers it). A pass is an answer with a
 * source (not a decline), and the key fact where one is given.
 */

const demoQuestionSchema = z.object({ tenant: z.string(), question: z.string(), keyFacts: z.array(z.string()).default([]) })

export type DemoResult = { tenant: string; question: string; origin: 'suggested' | 'everyday'; answered: boolean; keyFact: boolean | null; sources: string[]; response: string }

export async function checkDemo(db: Database): Promise<DemoResult[]> {
  const raw: unknown = JSON.parse(await readFile(path.join(import.meta.dirname, 'demo-questions.json'), 'utf8'))
  const everyday = z.array(demoQuestionSchema).parse(raw)
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
  const unknown = everyday.filter((q) => !tenants.some((tenant) => tenant.slug === q.tenant))
  if (unknown.length > 0) throw new Error(`demo-questions.json names unknown demo tenants: ${unknown.map((q) => q.tenant).join(', ')}`)
  return results
}

export function printDemo(results: readonly DemoResult[], verbose: boolean, log: (line: string) => void): void {
  const answered = results.filter((r) => r.answered).length
  log(`\nDemo tenants: ${answered}/${results.length} questions answered with a source`)
  for (const r of results) {
    const fact = r.keyFact === null ? '' : r.keyFact ? ', key fact: yes' : ', key fact: NO'
    log(`  ${r.answered ? 'ok  ' : 'MISS'} ${r.tenant.padEnd(14)} (${r.origin}) ${r.question}  [${r.sources[0] ?? 'no source'}${fact}]`)
    if (verbose) log(`       ${r.response.slice(0, 300).replace(/\s+/g, ' ')}`)
  }
}
