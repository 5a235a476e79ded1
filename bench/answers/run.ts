/*
 * Answer-quality evaluation: two real public corpora in two tenants, loaded through the
 * product's upload path; each question searched by the product and by a BM25 baseline over
 * the same chunks, and answered by the oracle (offline). Then the demo tenants.
 *
 *   npm run bench:answers [-- --verbose] [--json results.json] [--runs 3] [--skip-demo]
 *
 * --runs N loads everything again into N fresh databases and prints the spread of the
 * figures: the product breaks ranking ties by random row ids, so one load can differ
 * from the next by a few questions.
 */
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { CORPORA } from './corpora'
import { checkDemo, printDemo, type DemoResult } from './demo-check'
import { evaluateQuestion, type QuestionResult } from './evaluate'
import { loadCorpus, type LoadedCorpus } from './load'
import { answererIsOffline, openBenchDatabase, type BenchDb } from './product'
import { checkQuestions, KINDS, loadQuestions, type Question } from './questions'
import { printDetails, printSpread, printSummary, summarise, type Summary } from './report'

const { values: args } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    json: { type: 'string' },
    runs: { type: 'string', default: '1' },
    'skip-demo': { type: 'boolean', default: false },
  },
})

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function loadAll(db: BenchDb, quiet: boolean): Promise<Map<string, LoadedCorpus>> {
  const loaded = new Map<string, LoadedCorpus>()
  for (const corpus of CORPORA) {
    const corpusLoad = await loadCorpus(db.handle, corpus)
    loaded.set(corpus.name, corpusLoad)
    if (quiet) continue
    log(
      `  ${corpus.name} (${corpus.language}): ${corpusLoad.documentOf.size}/${corpusLoad.files} files stored, ` +
        `${corpusLoad.chunks.size} chunks, ${(corpusLoad.ms / 1000).toFixed(1)} s`,
    )
    for (const failure of corpusLoad.failed) log(`    not stored: ${failure}`)
  }
  return loaded
}

async function evaluateAll(db: BenchDb, loaded: Map<string, LoadedCorpus>, questions: readonly Question[]): Promise<QuestionResult[]> {
  const results: QuestionResult[] = []
  for (const q of questions) {
    const corpusLoad = loaded.get(q.tenant)
    if (!corpusLoad) throw new Error(`${q.id}: no tenant ${q.tenant}`)
    results.push(await evaluateQuestion(db.handle, corpusLoad, q))
  }
  return results
}

async function main(): Promise<void> {
  // Offline mode is what is measured: no language model, the offline embedder, embedded database.
  for (const name of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'DATABASE_URL']) delete process.env[name]
  const runs = Math.max(1, Number.parseInt(args.runs, 10) || 1)
  const questions = await loadQuestions()
  await checkQuestions(questions, new Set(CORPORA.map((corpus) => corpus.name)))
  const mix = KINDS.map((kind) => `${questions.filter((q) => q.kind === kind).length} ${kind}`).join(', ')
  log(`bench:answers: ${questions.length} questions (${mix}); every key fact found in its expected documents`)
  if (!answererIsOffline()) throw new Error('bench:answers measures offline mode; the answerer is not offline.')

  const tenants = CORPORA.map((corpus) => corpus.name)
  const summaries: Summary[] = []
  const allResults: QuestionResult[][] = []
  let demo: DemoResult[] = []
  for (let run = 1; run <= runs; run += 1) {
    const last = run === runs
    if (runs > 1) log(`run ${run}/${runs}`)
    const db = await openBenchDatabase()
    try {
      const loaded = await loadAll(db, run > 1)
      const results = await evaluateAll(db, loaded, questions)
      summaries.push(summarise(results, tenants))
      allResults.push(results)
      if (last && !args['skip-demo']) demo = await checkDemo(db.handle)
    } finally {
      await db.close()
    }
  }

  const results = allResults.at(-1) ?? []
  const summary = summaries.at(-1)
  if (args.verbose) printDetails(results, log)
  if (summary) printSummary(summary, log)
  if (runs > 1) printSpread(summaries, log)
  if (!args['skip-demo']) printDemo(demo, args.verbose, log)

  if (args.json) {
    const payload = runs > 1 ? { summary, summaries, results, runs: allResults, demo } : { summary, results, demo }
    await writeFile(args.json, `${JSON.stringify(payload, null, 2)}\n`)
    log(`\nraw results written to ${args.json}`)
  }
}

await main()
