/*
 * Retrieval benchmark: recall@10 against exact search and latency, per tenant-size group,
 * for the production strategy (public.match_tenant_chunks: exact below the chunk-count
 * threshold, iterative HNSW above it) and for a plain HNSW scan filtered by tenant with
 * the default ef_search, side by side. Runs on in-memory PGlite with the real migrations.
 *
 *   npx tsx bench/retrieval.ts [--chunks 100000] [--tenants 100] [--queries 5] [--seed 7]
 *                              [--exact-max <chunks>] [--threshold -1]
 *
 * With the default threshold of -1 every query asks for its 10 nearest rows however
 * distant (pure kNN); with e.g. --threshold 0.2 recall is measured on the rows at or
 * above that similarity, which is what a caller with that threshold receives.
 *
 * Each query is also asked as the product asks it: with its topic's word as the query text
 * and the relevance threshold of the member search (0.2) and of the oracle (0.35). There
 * the truth is the same function forced to scan exactly, so recall@10 is measured on what
 * such a caller receives; an off-topic query shares no word with the tenant.
 */
import { parseArgs } from 'node:util'
import { withService, withUser } from '@/lib/db/access'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import type { Database, Queryable } from '@/lib/db/types'
import { DEFAULT_MATCH_THRESHOLD } from '@/lib/contracts/knowledge'
import { ANSWER_RELEVANCE, EXACT_SEARCH_MAX_CHUNKS, FAR_SIMILARITY } from '@/lib/multi-tenant/knowledge'
import {
  groupOf,
  planTenants,
  pointNear,
  randomSource,
  randomUnitVector,
  scaledIntArray,
  topicWord,
  vectorText,
  zipfSizes,
  type BenchTenant,
} from './retrieval-data'
import { report, type Sample } from './retrieval-report'

const { values: args } = parseArgs({
  options: {
    chunks: { type: 'string', default: '100000' },
    tenants: { type: 'string', default: '100' },
    queries: { type: 'string', default: '5' },
    seed: { type: 'string', default: '7' },
    'exact-max': { type: 'string', default: String(EXACT_SEARCH_MAX_CHUNKS) },
    threshold: { type: 'string', default: '-1' },
  },
})
const totalChunks = Number(args.chunks)
const tenantCount = Number(args.tenants)
const queriesPerKind = Number(args.queries)
const exactMax = Number(args['exact-max'])
const threshold = Number(args.threshold)
const random = randomSource(Number(args.seed))

const MODEL = 'bench-synthetic'
const TOPICS = 200
const TOPICS_PER_TENANT = 8
const CHUNKS_PER_DOCUMENT = 200
const INSERT_BATCH = 250
const K = 10

type Seeded = BenchTenant & { id: string; userId: string }

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function seedTenants(db: Database, plan: BenchTenant[]): Promise<Seeded[]> {
  return withService(db, async (tx) => {
    const seeded: Seeded[] = []
    for (const tenant of plan) {
      const slug = `bench-${String(tenant.index).padStart(4, '0')}`
      const [user] = await tx.query<{ id: string }>('insert into auth.users (email, email_confirmed_at) values ($1, now()) returning id', [
        `${slug}@bench.example`,
      ])
      const [row] = await tx.query<{ id: string }>(
        `insert into public.tenants (slug, name, limits) values ($1, $1, '{"storageMb": null}'::jsonb) returning id`,
        [slug],
      )
      await tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'viewer')", [row?.id, user?.id])
      seeded.push({ ...tenant, id: String(row?.id), userId: String(user?.id) })
    }
    return seeded
  })
}

async function insertChunks(tx: Queryable, tenant: Seeded, centres: Float32Array[]): Promise<void> {
  for (let start = 0; start < tenant.size; start += CHUNKS_PER_DOCUMENT) {
    const count = Math.min(CHUNKS_PER_DOCUMENT, tenant.size - start)
    const [doc] = await tx.query<{ id: string }>(
      `insert into public.tenant_knowledge (tenant_id, title, content, content_hash, chunk_count)
       values ($1, $2, $2, md5($2), $3) returning id`,
      [tenant.id, `Synthetic document ${tenant.index}-${start}`, count],
    )
    for (let offset = 0; offset < count; offset += INSERT_BATCH) {
      const indexes: number[] = []
      const contents: string[] = []
      const vectors: string[] = []
      for (let i = offset; i < Math.min(offset + INSERT_BATCH, count); i += 1) {
        const topic = tenant.topics[Math.floor(random() * tenant.topics.length)] ?? 0
        indexes.push(i)
        contents.push(`Passage ${start + i} on ${topicWord(topic)}.`)
        vectors.push(scaledIntArray(pointNear(centres[topic] as Float32Array, random)))
      }
      await tx.query(
        `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding, embedding_model)
         select $1, $2, t.i, t.c, t.e::int[]::extensions.vector, $3
           from unnest($4::int[], $5::text[], $6::text[]) as t(i, c, e)`,
        [tenant.id, doc?.id, MODEL, indexes, contents, vectors],
      )
    }
  }
}

async function load(db: Database, tenants: Seeded[], centres: Float32Array[]): Promise<void> {
  await withService(db, (tx) => tx.query('drop index public.tenant_knowledge_chunks_embedding_idx'))
  let loaded = 0
  const started = performance.now()
  for (const tenant of tenants) {
    await withService(db, (tx) => insertChunks(tx, tenant, centres))
    loaded += tenant.size
    if (tenant.index % 10 === 0) log(`  loaded ${loaded} chunks (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  }
  const indexStart = performance.now()
  await withService(db, async (tx) => {
    await tx.query("set local maintenance_work_mem = '1GB'")
    await tx.query(
      `create index tenant_knowledge_chunks_embedding_idx
         on public.tenant_knowledge_chunks using hnsw (embedding extensions.vector_cosine_ops)`,
    )
    await tx.query('analyze public.tenant_knowledge_chunks')
  })
  log(`  HNSW index built in ${((performance.now() - indexStart) / 1000).toFixed(1)} s`)
}

async function exactTopK(db: Database, tenantId: string, query: string): Promise<string[]> {
  const rows = await withService(db, (tx) =>
    tx.query<{ id: string }>(
      `with scoped as materialized (
         select id, embedding <=> $2::extensions.vector as distance
           from public.tenant_knowledge_chunks where tenant_id = $1 and embedding_model = $3)
       select id from scoped where 1 - distance >= $4 order by distance, id limit ${K}`,
      [tenantId, query, MODEL, threshold],
    ),
  )
  return rows.map((row) => row.id)
}

type Timed = { ids: string[]; ms: number; strategy?: string }

type Ask = { text: string; threshold: number; exactMax: number }

async function strategySearch(db: Database, tenant: Seeded, query: string, ask: Ask): Promise<Timed> {
  return withUser(db, { sub: tenant.userId }, async (tx) => {
    const started = performance.now()
    const rows = await tx.query<{ chunk_id: string; strategy: string }>(
      `select chunk_id, strategy
         from public.match_tenant_chunks($1, $2::extensions.vector, $3, $4, ${K}, $5, null, null, null, $6, $7)`,
      [tenant.id, query, ask.text, MODEL, ask.threshold, ask.exactMax, FAR_SIMILARITY],
    )
    return { ids: rows.map((row) => row.chunk_id), ms: performance.now() - started, strategy: rows[0]?.strategy }
  })
}

// What an application gets from the obvious query: the HNSW index ordered by distance,
// tenant filter applied to the candidates it returns (ef_search 40, no iterative scan).
// enable_sort = off keeps the planner on the HNSW index, as it is on a big shared table.
async function plainHnswSearch(db: Database, tenant: Seeded, query: string): Promise<Timed> {
  return withUser(db, { sub: tenant.userId }, async (tx) => {
    await tx.query("select set_config('enable_sort', 'off', true)")
    const started = performance.now()
    const rows = await tx.query<{ id: string; similarity: number }>(
      `select id, 1 - (embedding operator(extensions.<=>) $2::extensions.vector) as similarity
         from public.tenant_knowledge_chunks
        where tenant_id = $1 and embedding_model = $3
        order by embedding operator(extensions.<=>) $2::extensions.vector limit ${K}`,
      [tenant.id, query, MODEL],
    )
    const ms = performance.now() - started
    return { ids: rows.filter((row) => row.similarity >= threshold).map((row) => row.id), ms }
  })
}

const NEAREST = 'nearest rows, no query text'
const PRODUCT_MODES = [
  { label: `member search: query word, threshold ${DEFAULT_MATCH_THRESHOLD}`, threshold: DEFAULT_MATCH_THRESHOLD },
  { label: `oracle: query word, threshold ${ANSWER_RELEVANCE}`, threshold: ANSWER_RELEVANCE },
]
// Above every tenant's size: the function's exact strategy, the truth for a product query.
const EVERYTHING_EXACT = 2 ** 31 - 1

function recall(found: string[], truth: string[]): number {
  if (truth.length === 0) return 1
  const set = new Set(found)
  return truth.filter((id) => set.has(id)).length / truth.length
}

function queryTenants(tenants: Seeded[]): Seeded[] {
  // Every tenant above 1k chunks, and an even spread of the many small ones.
  const big = tenants.filter((tenant) => tenant.size > 1000)
  const small = tenants.filter((tenant) => tenant.size <= 1000)
  const step = Math.max(1, Math.floor(small.length / 20))
  return [...big, ...small.filter((_, index) => index % step === 0)]
}

async function measure(db: Database, tenants: Seeded[], centres: Float32Array[]): Promise<Sample[]> {
  const samples: Sample[] = []
  for (const tenant of queryTenants(tenants)) {
    const foreign = [...Array(TOPICS).keys()].filter((topic) => !tenant.topics.includes(topic))
    for (const kind of ['in-topic', 'off-topic'] as const) {
      for (let q = 0; q < queriesPerKind; q += 1) {
        const pool = kind === 'in-topic' ? tenant.topics : foreign
        const topic = pool[Math.floor(random() * pool.length)] ?? 0
        const query = vectorText(pointNear(centres[topic] as Float32Array, random))
        const group = groupOf(tenant.size).label
        const truth = await exactTopK(db, tenant.id, query)
        const ours = await strategySearch(db, tenant, query, { text: '', threshold, exactMax })
        const base = await plainHnswSearch(db, tenant, query)
        samples.push({
          mode: NEAREST,
          group,
          kind,
          recall: recall(ours.ids, truth),
          ms: ours.ms,
          rechecked: ours.strategy === 'hnsw+exact',
          baseRecall: recall(base.ids, truth),
          baseMs: base.ms,
        })
        for (const mode of PRODUCT_MODES) {
          const ask = { text: topicWord(topic), threshold: mode.threshold, exactMax }
          const exact = await strategySearch(db, tenant, query, { ...ask, exactMax: EVERYTHING_EXACT })
          const asked = await strategySearch(db, tenant, query, ask)
          samples.push({
            mode: mode.label,
            group,
            kind,
            recall: recall(asked.ids, exact.ids),
            ms: asked.ms,
            rechecked: asked.strategy === 'hnsw+exact',
          })
        }
      }
    }
  }
  return samples
}

async function main(): Promise<void> {
  const sizes = zipfSizes(totalChunks, tenantCount)
  log(`retrieval bench: ${totalChunks} chunks, ${tenantCount} tenants (largest ${sizes[0]}, smallest ${sizes.at(-1)}),`)
  log(`  ${TOPICS} shared topics, ${TOPICS_PER_TENANT} per tenant, exact search up to ${exactMax} chunks per tenant,`)
  log(`  match threshold ${threshold}, exact re-check below similarity ${FAR_SIMILARITY}`)
  const db = await openPglite()
  try {
    await migrate(db)
    const centres = Array.from({ length: TOPICS }, () => randomUnitVector(random))
    const tenants = await seedTenants(db, planTenants(sizes, TOPICS, TOPICS_PER_TENANT, random))
    await load(db, tenants, centres)
    report(await measure(db, tenants, centres))
  } finally {
    await db.close()
  }
}

await main()
