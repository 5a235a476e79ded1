import type { LoadedCorpus } from './load'
import { firstHitRank } from './metrics'
import { askOracle, isDecline, memberSearch, type BenchHandle } from './product'
import { hasKeyFact, normaliseForFacts, factPattern, type Question } from './questions'

/*
 * One question, three ways: the product's member search (limit 5, default threshold), the
 * BM25 baseline over the same chunks (top 5), and the oracle's answer.
 */

export const SEARCH_LIMIT = 5

export type Ranked = { documents: (string | null)[]; titles: string[]; rank: number | null; ms: number }

export type QuestionResult = {
  id: string
  tenant: string
  kind: Question['kind']
  question: string
  expected: string[]
  product: Ranked
  bm25: Ranked
  answer: {
    response: string
    sources: { title: string; document: string | null }[]
    declined: boolean
    keyFact: boolean
    /** The key fact was somewhere in the passages the oracle was given: the answer's ceiling. */
    keyFactInSources: boolean
    ms: number
  }
}

function ranked(loaded: LoadedCorpus, chunkIds: readonly string[], expected: ReadonlySet<string>, ms: number): Ranked {
  const documents = chunkIds.map((id) => {
    const knowledgeId = loaded.chunks.get(id)?.knowledgeId
    return knowledgeId ? (loaded.documentOf.get(knowledgeId) ?? null) : null
  })
  const titles = chunkIds.map((id) => loaded.chunks.get(id)?.title ?? '?')
  return {
    documents,
    titles,
    rank: firstHitRank(
      documents.map((doc) => doc ?? ''),
      expected,
    ),
    ms,
  }
}

export async function evaluateQuestion(db: BenchHandle, loaded: LoadedCorpus, q: Question): Promise<QuestionResult> {
  const expected = new Set(q.documents)

  let started = performance.now()
  const hits = await memberSearch(db, loaded.tenant, q.question, SEARCH_LIMIT)
  const product = ranked(
    loaded,
    hits.map((hit) => hit.chunkId),
    expected,
    performance.now() - started,
  )

  started = performance.now()
  const bm25Ids = loaded.bm25.search(q.question, SEARCH_LIMIT)
  const bm25 = ranked(loaded, bm25Ids, expected, performance.now() - started)

  started = performance.now()
  const answer = await askOracle(db, loaded.tenant.id, loaded.tenant.member, q.question)
  const answerMs = performance.now() - started
  const sourceText = normaliseForFacts(answer.sources.map((source) => loaded.chunks.get(source.chunkId)?.content ?? '').join('\n'))

  return {
    id: q.id,
    tenant: q.tenant,
    kind: q.kind,
    question: q.question,
    expected: q.documents,
    product,
    bm25,
    answer: {
      response: answer.response,
      sources: answer.sources.map((source) => ({ title: source.title, document: loaded.documentOf.get(source.knowledgeId) ?? null })),
      declined: isDecline(answer),
      keyFact: q.keyFacts.length > 0 && hasKeyFact(answer.response, q),
      keyFactInSources: q.keyFacts.some((fact) => factPattern(fact).test(sourceText)),
      ms: answerMs,
    },
  }
}
