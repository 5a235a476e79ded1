import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { withAnon, withService, withUser, type Claims, type Queryable } from '@/lib/db'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, createTenant, createUser } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/*
 * A small tenant shares the HNSW index with a big one (3000 chunks) whose text is about
 * the same subject, so every near neighbour of the query belongs to the big tenant.
 * A plain HNSW scan filtered by tenant post-filters those neighbours and loses the small
 * tenant's rows; match_tenant_chunks must return all of them, on both of its paths.
 */

let db: TestDatabase
const local = new LocalEmbedder()
const QUERY = 'late fee charged on overdue invoices and payment reminders'
const BIG_CHUNKS = 3000

let small: { id: string; viewer: Claims; knowledgeIds: Set<string> }
let big: { id: string; viewer: Claims; sampleText: string }
let empty: { id: string; viewer: Claims }

const smallDocuments = [
  'Our late fee is five euros for invoices paid after the due date.',
  'Overdue invoices receive a payment reminder after seven days.',
  'Invoices can be paid by bank transfer or card.',
  'A second reminder for overdue payments is sent after fourteen days.',
  'Fees are waived when an invoice was disputed in writing.',
  'Payment plans are possible for invoices above one thousand euros.',
]

function bigChunkText(index: number): string {
  const days = 5 + (index % 40)
  const percent = 1 + (index % 9)
  return `Invoice ${index}: a late fee of ${percent} percent is charged on overdue invoices after ${days} days, and payment reminders go out weekly.`
}

// int[] literal of the vector scaled by 1e6: Postgres parses integers several times faster
// than floats, and cosine distance ignores the scale.
function scaled(vector: number[]): string {
  return `{${vector.map((value) => Math.round(value * 1e6)).join(',')}}`
}

async function loadBigTenant(tx: Queryable, tenantId: string): Promise<void> {
  const [doc] = await tx.query<{ id: string }>(
    "insert into public.tenant_knowledge (tenant_id, title, content, content_hash, chunk_count) values ($1, 'Ledger', 'ledger', 'ledger', $2) returning id",
    [tenantId, BIG_CHUNKS],
  )
  const texts = Array.from({ length: BIG_CHUNKS }, (_, index) => bigChunkText(index))
  const vectors = (await local.embed(texts)).map(scaled)
  await tx.query(
    `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding, embedding_model)
     select $1, $2, t.ord - 1, t.content, t.embedding::int[]::extensions.vector, $3
       from unnest($4::text[], $5::text[]) with ordinality as t(content, embedding, ord)`,
    [tenantId, doc?.id, local.model, texts, vectors],
  )
}

async function member(tenantId: string, email: string, role: 'admin' | 'viewer'): Promise<Claims> {
  const user = await createUser(db, { email })
  await addMember(db, tenantId, user.userId, role)
  return { sub: user.userId, email }
}

function search(claims: Claims, tenantId: string, options: { exactSearchMaxChunks?: number; farSimilarity?: number } = {}) {
  return withUser(db, claims, (tx) =>
    new TenantKnowledgeBase(tenantId, tx, { embedder: local, ...options }).search(QUERY, { limit: 10, matchThreshold: -1 }),
  )
}

/** The path match_tenant_chunks took, straight from the function. */
async function strategyFor(claims: Claims, tenantId: string, query: string, tuning: { threshold: number; exactMax: number; far: number }) {
  const [vector] = await local.embed([query])
  const rows = await withUser(db, claims, (tx) =>
    tx.query<{ strategy: string }>(
      `select distinct strategy from public.match_tenant_chunks($1, $2::extensions.vector, $3, $4, 10, $5, null, null, null, $6, $7)`,
      [tenantId, `[${vector?.join(',')}]`, query, local.model, tuning.threshold, tuning.exactMax, tuning.far],
    ),
  )
  return rows.map((row) => row.strategy)
}

/** The chunks match_tenant_chunks returns, in order. */
async function chunkIds(claims: Claims, tenantId: string, query: string, tuning: { threshold: number; exactMax: number; far: number }) {
  const [vector] = await local.embed([query])
  const rows = await withUser(db, claims, (tx) =>
    tx.query<{ chunk_id: string }>(
      `select chunk_id from public.match_tenant_chunks($1, $2::extensions.vector, $3, $4, 10, $5, null, null, null, $6, $7)`,
      [tenantId, `[${vector?.join(',')}]`, query, local.model, tuning.threshold, tuning.exactMax, tuning.far],
    ),
  )
  return rows.map((row) => row.chunk_id)
}

beforeAll(async () => {
  db = await createTestDatabase()
  const smallId = (await createTenant(db, { slug: 'recall-small', publicAccess: true })).id
  const bigId = (await createTenant(db, { slug: 'recall-big' })).id
  const emptyId = (await createTenant(db, { slug: 'recall-empty' })).id
  const smallAdmin = await member(smallId, 'small-admin@example.com', 'admin')
  const knowledgeIds = new Set<string>()
  for (const [index, content] of smallDocuments.entries()) {
    const prepared = await TenantKnowledgeBase.prepare({ title: `Billing note ${index + 1}`, content }, local)
    const added = await withUser(db, smallAdmin, (tx) => new TenantKnowledgeBase(smallId, tx, { embedder: local }).addKnowledge(prepared))
    knowledgeIds.add(added.id)
  }
  await withService(db, async (tx) => {
    // Bulk load, then build the index as the migration defines it: several times faster
    // than growing the graph one row at a time.
    const [index] = await tx.query<{ definition: string }>(
      "select pg_get_indexdef('public.tenant_knowledge_chunks_embedding_idx'::regclass) as definition",
    )
    await tx.query('drop index public.tenant_knowledge_chunks_embedding_idx')
    await loadBigTenant(tx, bigId)
    await tx.query(index?.definition ?? '')
    await tx.query('analyze public.tenant_knowledge_chunks')
  })
  small = { id: smallId, viewer: await member(smallId, 'small-viewer@example.com', 'viewer'), knowledgeIds }
  big = { id: bigId, viewer: await member(bigId, 'big-viewer@example.com', 'viewer'), sampleText: bigChunkText(17) }
  empty = { id: emptyId, viewer: await member(emptyId, 'empty-viewer@example.com', 'viewer') }
})
afterAll(async () => {
  await db.close()
})

describe('recall for a small tenant sharing the index with a big one', () => {
  it("loses the small tenant's rows with a plain HNSW scan filtered by tenant (the problem)", async () => {
    const [vector] = await local.embed([QUERY])
    const { plan, rows } = await withUser(db, small.viewer, async (tx) => {
      // On a big shared table the planner takes the HNSW index for ORDER BY distance;
      // enable_sort = off makes it do so here too.
      await tx.query("select set_config('enable_sort', 'off', true)")
      const sql = `select id from public.tenant_knowledge_chunks where tenant_id = $1
                    order by embedding operator(extensions.<=>) $2::extensions.vector limit 10`
      const params = [small.id, `[${vector?.join(',')}]`]
      const explained = await tx.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params)
      return { plan: explained.map((line) => line['QUERY PLAN']).join('\n'), rows: await tx.query(sql, params) }
    })
    expect(plan).toContain('tenant_knowledge_chunks_embedding_idx')
    expect(rows.length).toBeLessThan(smallDocuments.length)
  })

  it('returns every chunk of the small tenant on the exact path', async () => {
    const hits = await search(small.viewer, small.id)
    expect(new Set(hits.map((hit) => hit.knowledgeId))).toEqual(small.knowledgeIds)
    expect(await strategyFor(small.viewer, small.id, QUERY, { threshold: -1, exactMax: 5000, far: 0.3 })).toEqual(['exact'])
  })

  it('returns every chunk of the small tenant from the iterative HNSW scan alone', async () => {
    const pureHnsw = { exactSearchMaxChunks: 0, farSimilarity: -1 }
    const hits = await search(small.viewer, small.id, pureHnsw)
    expect(new Set(hits.map((hit) => hit.knowledgeId))).toEqual(small.knowledgeIds)
    expect(await strategyFor(small.viewer, small.id, QUERY, { threshold: -1, exactMax: 0, far: -1 })).toEqual(['hnsw'])
  })

  it("finds the big tenant's nearest chunks on the iterative HNSW path", async () => {
    const exact = await search(big.viewer, big.id)
    const approximate = await search(big.viewer, big.id, { exactSearchMaxChunks: 100, farSimilarity: -1 })
    expect(approximate).toHaveLength(10)
    const overlap = approximate.filter((hit) => exact.some((other) => other.id === hit.id)).length
    expect(overlap).toBeGreaterThanOrEqual(9)
  })

  it('redoes an off-topic HNSW search exactly when distant rows may be returned, and only then', async () => {
    const offTopic = 'quantum chromodynamics lattice gauge theory'
    const tuning = { exactMax: 100, far: 0.3 }
    expect(await strategyFor(big.viewer, big.id, offTopic, { ...tuning, threshold: -1 })).toEqual(['hnsw+exact'])
    expect(await strategyFor(big.viewer, big.id, QUERY, { ...tuning, threshold: -1 })).toEqual(['hnsw'])
    // With a threshold at the far level distant rows cannot be returned: nothing comes back.
    expect(await strategyFor(big.viewer, big.id, offTopic, { ...tuning, threshold: 0.3 })).toEqual([])
  })

  it('returns what the exact path returns, whatever the threshold, also when the evidence gate stops the search', async () => {
    const queries = ['quantum chromodynamics lattice 1234', 'quantum chromodynamics lattice gauge theory', 'weekly invoice 2999']
    for (const query of queries) {
      for (const threshold of [0.1, 0.2, 0.35, 0.5]) {
        const tuned = await chunkIds(big.viewer, big.id, query, { threshold, exactMax: 100, far: 0.3 })
        const exact = await chunkIds(big.viewer, big.id, query, { threshold, exactMax: 2 ** 31 - 1, far: 0.3 })
        expect({ query, threshold, ids: tuned }).toEqual({ query, threshold, ids: exact })
      }
    }
  })
})

describe("cross-tenant probes: another tenant's text as the query", () => {
  it("gives a member of the small tenant none of the big tenant's rows", async () => {
    const hits = await withUser(db, small.viewer, (tx) =>
      new TenantKnowledgeBase(small.id, tx, { embedder: local }).search(big.sampleText, { limit: 50, matchThreshold: -1 }),
    )
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((hit) => small.knowledgeIds.has(hit.knowledgeId))).toBe(true)
  })

  it('gives nothing when the caller names a tenant they do not belong to', async () => {
    const hits = await withUser(db, small.viewer, (tx) =>
      new TenantKnowledgeBase(big.id, tx, { embedder: local }).search(big.sampleText, { matchThreshold: -1 }),
    )
    expect(hits).toEqual([])
  })

  it("gives a visitor of the public tenant its rows and none of another tenant's", async () => {
    const own = await withAnon(db, { tenant_id: small.id }, (tx) =>
      new TenantKnowledgeBase(small.id, tx, { embedder: local }).search(big.sampleText, { limit: 50, matchThreshold: -1 }),
    )
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((hit) => small.knowledgeIds.has(hit.knowledgeId))).toBe(true)
    const foreign = await withAnon(db, { tenant_id: small.id }, (tx) =>
      new TenantKnowledgeBase(big.id, tx, { embedder: local }).search(big.sampleText, { matchThreshold: -1 }),
    )
    expect(foreign).toEqual([])
  })

  it('gives a visitor whose claims name a private tenant nothing', async () => {
    const hits = await withAnon(db, { tenant_id: big.id }, (tx) =>
      new TenantKnowledgeBase(big.id, tx, { embedder: local }).search(big.sampleText, { matchThreshold: -1 }),
    )
    expect(hits).toEqual([])
  })

  it('gives a member of an empty tenant nothing', async () => {
    const hits = await withUser(db, empty.viewer, (tx) =>
      new TenantKnowledgeBase(empty.id, tx, { embedder: local }).search(big.sampleText, { matchThreshold: -1 }),
    )
    expect(hits).toEqual([])
  })
})
