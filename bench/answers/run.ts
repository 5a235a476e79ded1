/*
 * Answer-quality evaluation: two real public corpora in two tenants, loaded through the
 * product's upload path; each question searched by the product and by a BM25 baseline over
 * the same chunks, and answered by the oracle (offline). Then the demo tenants.
 *
 *   npm run bench:answers [-- --verbose] [-- --json results.json] [-- --skip-demo]
 */
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { CORPORA } from './corpora'
import { checkDemo, printDemo } from './demo-check'
import { evaluateQuestion, type QuestionResult } from './evaluate'
import { loadCorpus, type LoadedCorpus } from './load'
import { answererIsOffline, openBenchDatabase } from './product'
import { checkQuestions, KINDS, loadQuestions } from './questions'
import { printDetails, printSummary, summarise } from './report'

const { values: args } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    json: { type: 'string' },
    'skip-demo': { type: 'boolean', default: false },
  },
})

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function main(): Promise<void> {
  // Offline mode is what is measured: no language model, the offline embedder.
  for (const name of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'DATABASE_URL']) delete process.env[name]
  const questions = await loadQuestions()
  await checkQuestions(questions, new Set(CORPORA.map((corpus) => corpus.name)))
  const mix = KINDS.map((kind) => `${questions.filter((q) => q.kind === kind).length} ${kind}`).join(', ')
  log(`bench:answers: ${questions.length} questions (${mix}); every key fact found in its expected documents`)
  if (!answererIsOffline()) throw new Error('bench:answers measures offline mode; the answerer is not offline.')

  const db = await openBenchDatabase()
  try {
    const loaded = new Map<string, LoadedCorpus>()
    for (const corpus of CORPORA) {
      const corpusLoad = await loadCorpus(db.handle, corpus)
      loaded.set(corpus.name, corpusLoad)
      log(
        `  ${corpus.name} (${corpus.language}): ${corpusLoad.documentOf.size}/${corpusLoad.files} files stored, ` +
          `${corpusLoad.chunks.size} chunks, ${(corpusLoad.ms / 1000).toFixed(1)} s`,
      )
      for (const failure of corpusLoad.failed) log(`    not stored: ${failure}`)
    }

    const results: QuestionResult[] = []
    for (const q of questions) {
      const corpusLoad = loaded.get(q.tenant)
      if (!corpusLoad) throw new Error(`${q.id}: no tenant ${q.tenant}`)
      results.push(await evaluateQuestion(db.handle, corpusLoad, q))
    }
    const summary = summarise(results, CORPORA.map((corpus) => corpus.name))
    if (args.verbose) printDetails(results, log)
    printSummary(summary, log)

    const demo = args['skip-demo'] ? [] : await checkDemo(db.handle)
    if (!args['skip-demo']) printDemo(demo, args.verbose, log)

    if (args.json) {
      await writeFile(args.json, `${JSON.stringify({ summary, results, demo }, null, 2)}\n`)
      log(`\nraw results written to ${args.json}`)
    }
  } finally {
    await db.close()
  }
}

await main()
