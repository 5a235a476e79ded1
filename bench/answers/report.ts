import type { QuestionResult } from './evaluate'
import { percentile, summariseRanks, type RankSummary } from './metrics'

/** The figures bench:answers prints, computed from the per-question results. */

export type Count = { hit: number; of: number }

export type Summary = {
  retrieval: { scope: string; product: RankSummary; bm25: RankSummary }[]
  answers: {
    scope: string
    keyFactAnswerable: Count
    keyFactVague: Count
    reachableAnswerable: Count
    declinedUnanswerable: Count
    declinedWrongTenant: Count
    falseDeclines: Count
  }[]
  latency: { productSearch: { p50: number; p95: number }; bm25Search: { p50: number; p95: number }; answer: { p50: number; p95: number } }
}

const withDocuments = (r: QuestionResult) => r.kind === 'answerable' || r.kind === 'vague'

function count(results: readonly QuestionResult[], test: (r: QuestionResult) => boolean): Count {
  return { hit: results.filter(test).length, of: results.length }
}

function answerFigures(scope: string, results: readonly QuestionResult[]): Summary['answers'][number] {
  const of = (kind: QuestionResult['kind']) => results.filter((r) => r.kind === kind)
  return {
    scope,
    keyFactAnswerable: count(of('answerable'), (r) => r.answer.keyFact),
    keyFactVague: count(of('vague'), (r) => r.answer.keyFact),
    reachableAnswerable: count(of('answerable'), (r) => r.answer.keyFactInSources),
    declinedUnanswerable: count(of('unanswerable'), (r) => r.answer.declined),
    declinedWrongTenant: count(of('wrong-tenant'), (r) => r.answer.declined),
    falseDeclines: count(of('answerable'), (r) => r.answer.declined),
  }
}

function latency(values: number[]): { p50: number; p95: number } {
  return { p50: percentile(values, 50), p95: percentile(values, 95) }
}

export function summarise(results: readonly QuestionResult[], tenants: readonly string[]): Summary {
  const scopes: [string, QuestionResult[]][] = [
    ...tenants.map((tenant): [string, QuestionResult[]] => [tenant, results.filter((r) => r.tenant === tenant)]),
    ['overall', [...results]],
  ]
  return {
    retrieval: scopes.map(([scope, rs]) => {
      const ranked = rs.filter(withDocuments)
      return { scope, product: summariseRanks(ranked.map((r) => r.product.rank)), bm25: summariseRanks(ranked.map((r) => r.bm25.rank)) }
    }),
    answers: scopes.map(([scope, rs]) => answerFigures(scope, rs)),
    latency: {
      productSearch: latency(results.map((r) => r.product.ms)),
      bm25Search: latency(results.map((r) => r.bm25.ms)),
      answer: latency(results.map((r) => r.answer.ms)),
    },
  }
}

const f2 = (value: number) => value.toFixed(2)
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(2)}x`)
const pct = (c: Count) =>
  `${String(c.hit).padStart(2)}/${String(c.of).padEnd(2)} ${c.of === 0 ? '  n/a' : `${((100 * c.hit) / c.of).toFixed(0).padStart(4)}%`}`
const ms = (value: number) => `${value.toFixed(1)} ms`

export function printSummary(summary: Summary, log: (line: string) => void): void {
  log('\nRetrieval (answerable + vague questions; a hit = a result chunk from an expected document; limit 5)')
  log(
    `  ${'scope'.padEnd(15)} ${'n'.padStart(3)}  ${'engine'.padEnd(8)} ${'hit@1'.padStart(6)} ${'hit@5'.padStart(6)} ${'MRR'.padStart(6)}`,
  )
  for (const row of summary.retrieval) {
    for (const [engine, s] of [
      ['product', row.product],
      ['BM25', row.bm25],
    ] as const) {
      log(
        `  ${row.scope.padEnd(15)} ${String(s.n).padStart(3)}  ${engine.padEnd(8)} ${f2(s.hit1).padStart(6)} ${f2(s.hit5).padStart(6)} ${f2(s.mrr).padStart(6)}`,
      )
    }
    log(
      `  ${''.padEnd(15)} ${''.padStart(3)}  ${'ratio'.padEnd(8)} ${ratio(row.product.hit1, row.bm25.hit1).padStart(6)} ${ratio(row.product.hit5, row.bm25.hit5).padStart(6)} ${ratio(row.product.mrr, row.bm25.mrr).padStart(6)}`,
    )
  }
  log('\nAnswers (the oracle, offline)')
  const header = ['scope', 'key fact: answerable', 'vague', 'fact in sources', 'declined: unanswerable', 'wrong tenant', 'false declines']
  log(
    `  ${header[0]?.padEnd(15)} ${header
      .slice(1)
      .map((h) => h.padStart(21))
      .join(' ')}`,
  )
  for (const row of summary.answers) {
    const cells = [
      row.keyFactAnswerable,
      row.keyFactVague,
      row.reachableAnswerable,
      row.declinedUnanswerable,
      row.declinedWrongTenant,
      row.falseDeclines,
    ]
    log(`  ${row.scope.padEnd(15)} ${cells.map((c) => pct(c).padStart(21)).join(' ')}`)
  }
  log('  ("fact in sources": the key fact was in one of the passages the answer was given; false declines are on answerable questions)')
  const l = summary.latency
  log('\nLatency')
  log(`  product search  p50 ${ms(l.productSearch.p50)}  p95 ${ms(l.productSearch.p95)}`)
  log(`  BM25 search     p50 ${ms(l.bm25Search.p50)}  p95 ${ms(l.bm25Search.p95)}`)
  log(`  oracle answer   p50 ${ms(l.answer.p50)}  p95 ${ms(l.answer.p95)}`)
}

export function printDetails(results: readonly QuestionResult[], log: (line: string) => void): void {
  for (const r of results) {
    const verdict = withDocuments(r)
      ? r.answer.keyFact
        ? 'CORRECT'
        : r.answer.declined
          ? 'DECLINED (false)'
          : 'WRONG'
      : r.answer.declined
        ? 'DECLINED (right)'
        : 'ANSWERED (should decline)'
    log(`\n[${r.id}] ${r.tenant} / ${r.kind}: ${r.question}`)
    if (r.expected.length > 0) log(`  expected: ${r.expected.join(', ')}`)
    log(`  product (rank ${r.product.rank ?? '-'}): ${r.product.titles.slice(0, 3).join(' | ') || '(nothing)'}`)
    log(`  BM25    (rank ${r.bm25.rank ?? '-'}): ${r.bm25.titles.slice(0, 3).join(' | ') || '(nothing)'}`)
    log(
      `  answer  ${verdict}${withDocuments(r) ? `, fact in sources: ${r.answer.keyFactInSources ? 'yes' : 'no'}` : ''}: ${r.answer.response.slice(0, 300).replace(/\s+/g, ' ')}`,
    )
  }
}

/** Min, mean and max of the headline figures over several fresh loads. */
export function printSpread(summaries: readonly Summary[], log: (line: string) => void): void {
  const overall = (s: Summary) => ({
    retrieval: s.retrieval.find((row) => row.scope === 'overall'),
    answers: s.answers.find((row) => row.scope === 'overall'),
  })
  const rate = (c: Count | undefined) => (c && c.of > 0 ? c.hit / c.of : 0)
  const figures: [string, (s: Summary) => number][] = [
    ['product hit@1', (s) => overall(s).retrieval?.product.hit1 ?? 0],
    ['product hit@5', (s) => overall(s).retrieval?.product.hit5 ?? 0],
    ['product MRR', (s) => overall(s).retrieval?.product.mrr ?? 0],
    ['BM25 hit@1', (s) => overall(s).retrieval?.bm25.hit1 ?? 0],
    ['BM25 hit@5', (s) => overall(s).retrieval?.bm25.hit5 ?? 0],
    ['key fact, answerable', (s) => rate(overall(s).answers?.keyFactAnswerable)],
    ['key fact, vague', (s) => rate(overall(s).answers?.keyFactVague)],
    ['declined, unanswerable', (s) => rate(overall(s).answers?.declinedUnanswerable)],
    ['declined, wrong tenant', (s) => rate(overall(s).answers?.declinedWrongTenant)],
    ['false declines', (s) => rate(overall(s).answers?.falseDeclines)],
  ]
  log(`\nSpread over ${summaries.length} fresh loads (overall)        min   mean    max`)
  for (const [label, pick] of figures) {
    const values = summaries.map(pick)
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length
    log(`  ${label.padEnd(36)} ${f2(Math.min(...values)).padStart(6)} ${f2(mean).padStart(6)} ${f2(Math.max(...values)).padStart(6)}`)
  }
}
