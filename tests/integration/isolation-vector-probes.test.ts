import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { toPgVector } from '@/lib/ai/embeddings'
import { withAnon, withService, withUser, type Claims, type Queryable } from '@/lib/db'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { seedKnowledge, seedTenant, seedUsers } from '../support/isolation-fixtures'

/*
 * Vector search must never return another tenant's chunk, and the SQL below has no
 * tenant filter at all: row-level security alone decides. Every probe uses the exact
 * text of another tenant's chunk as the query, so without RLS that foreign chunk would
 * be the nearest row (distance 0): the service-role control case shows it is.
 */

type Spec = { key: string; publicAccess: boolean; status: 'active' | 'suspended'; chunks: number }
const SPECS: Spec[] = [
  { key: 'empty', publicAccess: true, status: 'active', chunks: 0 },
  { key: 'single', publicAccess: true, status: 'active', chunks: 1 },
  { key: 'many', publicAccess: false, status: 'active', chunks: 40 },
  { key: 'wide', publicAccess: true, status: 'active', chunks: 25 },
  { key: 'dormant', publicAccess: true, status: 'suspended', chunks: 3 },
]
const TOPICS = [
  'refund policy',
  'opening hours',
  'billing cycle',
  'data retention',
  'onboarding checklist',
  'password reset',
  'shipping times',
  'breathing practice',
  'contract renewal',
  'api rate limits',
]
const MODEL = new LocalEmbedder()

type ProbeTenant = Spec & { id: string; memberId: string }
type ProbeChunk = { id: string; tenantId: string; text: string; vector: string }

let db: TestDatabase
const tenants: ProbeTenant[] = []
let chunks: ProbeChunk[] = []
let lonerId = ''
let probesRun = 0

function chunkText(tenantKey: string, index: number): string {
  const topic = TOPICS[index % TOPICS.length]
  return `${tenantKey} handbook section ${index}: our ${topic} covers case ${index * 7 + 3} and its exceptions.`
}

async function seedProbeTenant(tx: Queryable, spec: Spec): Promise<{ tenant: ProbeTenant; chunks: ProbeChunk[] }> {
  const [memberId = ''] = await seedUsers(tx, [`member@${spec.key}.probe`])
  const id = await seedTenant(tx, { slug: `probe-${spec.key}`, publicAccess: spec.publicAccess, status: spec.status })
  await tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'viewer')", [id, memberId])
  const tenant = { ...spec, id, memberId }
  if (spec.chunks === 0) return { tenant, chunks: [] }
  const texts = Array.from({ length: spec.chunks }, (_, index) => chunkText(spec.key, index))
  const vectors = texts.map((text) => toPgVector(MODEL.embedOne(text)))
  const knowledgeId = await seedKnowledge(tx, id, `${spec.key} handbook`, texts.join('\n'))
  const rows = await tx.query<{ id: string; content: string }>(
    `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding, embedding_model)
     select $1, $2, (n - 1)::int, text, vector::extensions.vector, $5
       from unnest($3::text[], $4::text[]) with ordinality as chunk(text, vector, n)
     returning id, content`,
    [id, knowledgeId, texts, vectors, MODEL.model],
  )
  const idByText = new Map(rows.map((row) => [row.content, String(row.id)]))
  return {
    tenant,
    chunks: texts.map((text, index) => ({ id: idByText.get(text) ?? '', tenantId: id, text, vector: vectors[index] ?? '' })),
  }
}

beforeAll(async () => {
  db = await createTestDatabase()
  await withService(db, async (tx) => {
    for (const spec of SPECS) {
      const seeded = await seedProbeTenant(tx, spec)
      tenants.push(seeded.tenant)
      chunks = chunks.concat(seeded.chunks)
    }
    lonerId = (await seedUsers(tx, ['loner@nowhere.probe']))[0] ?? ''
  })
})
afterAll(async () => {
  console.log(`vector probes run: ${probesRun}`)
  await db.close()
})

const tenant = (key: string): ProbeTenant => {
  const found = tenants.find((candidate) => candidate.key === key)
  if (!found) throw new Error(`no probe tenant ${key}`)
  return found
}
const foreignTo = (tenantId: string) => chunks.filter((chunk) => chunk.tenantId !== tenantId)

/** The ten nearest chunks the caller can see; deliberately no tenant filter. */
async function nearest(tx: Queryable, vector: string): Promise<{ id: string; tenant_id: string }[]> {
  probesRun += 1
  return tx.query('select id, tenant_id from public.tenant_knowledge_chunks order by embedding <=> $1::extensions.vector limit 10', [
    vector,
  ])
}

type ProbeRun = (fn: (tx: Queryable) => Promise<string[][]>) => Promise<string[][]>

/** Runs every probe in one transaction; for each probe, the tenants of the rows that came back. */
function tenantsSeen(run: ProbeRun, probes: ProbeChunk[]): Promise<string[][]> {
  return run(async (tx) => {
    const seen: string[][] = []
    for (const probe of probes) seen.push((await nearest(tx, probe.vector)).map((row) => row.tenant_id))
    return seen
  })
}

/** No row of another tenant, and (so the probe is not vacuous) own rows whenever there are any. */
function expectOnlyOwnRows(seen: string[][], own: ProbeTenant): void {
  expect(seen.flat().filter((tenantId) => tenantId !== own.id)).toEqual([])
  for (const rows of seen) expect(rows.length > 0).toBe(own.chunks > 0)
}

describe('the probes are dangerous', () => {
  it('finds each probe text’s own chunk first when RLS is bypassed (the control case)', async () => {
    const firsts = await withService(db, async (tx) => {
      const found: string[] = []
      for (const chunk of chunks) found.push((await nearest(tx, chunk.vector))[0]?.id ?? '')
      return found
    })
    expect(firsts).toEqual(chunks.map((chunk) => chunk.id))
  })
})

describe('members see only their own tenant', () => {
  it.each(['empty', 'single', 'many', 'wide'])('a member of %s gets zero foreign rows for every other tenant’s text', async (key) => {
    const own = tenant(key)
    const probes = foreignTo(own.id)
    const seen = await tenantsSeen((fn) => withUser(db, { sub: own.memberId }, fn), probes)
    expect(seen.length).toBeGreaterThan(20)
    expectOnlyOwnRows(seen, own)
  })

  it('finds a member’s own chunk first for its own text (the search works under RLS)', async () => {
    for (const key of ['single', 'many']) {
      const own = tenant(key)
      const ownChunks = chunks.filter((chunk) => chunk.tenantId === own.id)
      const firsts = await withUser(db, { sub: own.memberId }, async (tx) => {
        const found: string[] = []
        for (const chunk of ownChunks) found.push((await nearest(tx, chunk.vector))[0]?.id ?? '')
        return found
      })
      expect(firsts).toEqual(ownChunks.map((chunk) => chunk.id))
    }
  })

  it('covers at least 100 texts of other tenants with the member probes above', () => {
    const memberProbes = ['empty', 'single', 'many', 'wide'].reduce((sum, key) => sum + foreignTo(tenant(key).id).length, 0)
    expect(memberProbes).toBeGreaterThanOrEqual(100)
  })

  it('returns nothing through match_tenant_chunks when a member names another tenant, and hits for its own', async () => {
    const member = tenant('wide')
    const search = (tx: Queryable, probe: ProbeChunk) => {
      probesRun += 1
      return tx.query<{ chunk_id: string }>('select chunk_id from public.match_tenant_chunks($1, $2::extensions.vector, $3, $4, 10, -1)', [
        probe.tenantId,
        probe.vector,
        probe.text,
        MODEL.model,
      ])
    }
    const { foreign, own } = await withUser(db, { sub: member.memberId }, async (tx) => {
      const foreignRows: string[] = []
      for (const probe of foreignTo(member.id)) foreignRows.push(...(await search(tx, probe)).map((row) => row.chunk_id))
      const ownProbe = chunks.find((chunk) => chunk.tenantId === member.id)
      const ownRows = ownProbe ? await search(tx, ownProbe) : []
      return { foreign: foreignRows, own: { probe: ownProbe?.id, first: ownRows[0]?.chunk_id } }
    })
    expect(foreign).toEqual([])
    expect(own.first).toBe(own.probe)
  })
})

describe('visitors see only the public tenant they visit', () => {
  it.each(['empty', 'single', 'wide'])('a visitor of %s gets zero foreign rows for every other tenant’s text', async (key) => {
    const visited = tenant(key)
    const probes = foreignTo(visited.id)
    const seen = await tenantsSeen((fn) => withAnon(db, { tenant_id: visited.id }, fn), probes)
    expect(seen.length).toBeGreaterThan(20)
    expectOnlyOwnRows(seen, visited)
  })
})

describe('an empty tenant scope returns nothing', () => {
  const sample = () => chunks.filter((_, index) => index % 7 === 0)
  const expectNothing = async (run: ProbeRun) => {
    const seen = await tenantsSeen(run, sample())
    expect(seen.length).toBeGreaterThan(5)
    expect(seen.flat()).toEqual([])
  }

  it('for a signed-in user who belongs to no tenant', async () => {
    await expectNothing((fn) => withUser(db, { sub: lonerId }, fn))
  })

  it('for a signed-in non-member even when the claims name a public tenant', async () => {
    await expectNothing((fn) => withUser(db, { sub: lonerId, tenant_id: tenant('wide').id }, fn))
  })

  it('for an anonymous caller without a tenant claim', async () => {
    await expectNothing((fn) => withAnon(db, {}, fn))
  })

  it('for a visitor claiming a private tenant', async () => {
    await expectNothing((fn) => withAnon(db, { tenant_id: tenant('many').id }, fn))
  })

  it('for a visitor claiming a public tenant that is suspended', async () => {
    await expectNothing((fn) => withAnon(db, { tenant_id: tenant('dormant').id }, fn))
  })

  const MALFORMED: [string, unknown][] = [
    ['an empty string', ''],
    ['a word', 'not-a-tenant'],
    ['36 dashes', '-'.repeat(36)],
    ['hex digits grouped wrongly', `${'0'.repeat(34)}-0`],
    ['a uuid in braces', '{00000000-0000-4000-8000-000000000000}'],
    ['an unknown uuid', '00000000-0000-4000-8000-000000000000'],
    ['a number', 42],
    ['an object', { id: 'x' }],
    ['an injection attempt', "' or true --"],
  ]
  it.each(MALFORMED)('for a visitor whose tenant claim is %s', async (_label, claim) => {
    await expectNothing((fn) => withAnon(db, { tenant_id: claim } as Claims, fn))
  })
})

describe('a member’s personal document inside their own tenant', () => {
  const probe = { owner: '', colleague: '', documentId: '', vector: '', text: '' }

  beforeAll(async () => {
    const wide = tenant('wide')
    probe.text = 'wide private notebook: the vault combination is nine four one seven.'
    probe.vector = toPgVector(MODEL.embedOne(probe.text))
    await withService(db, async (tx) => {
      ;[probe.owner = '', probe.colleague = ''] = await seedUsers(tx, ['owner@wide.probe', 'colleague@wide.probe'])
      await tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'user'), ($1, $3, 'user')", [
        wide.id,
        probe.owner,
        probe.colleague,
      ])
      const [doc] = await tx.query<{ id: string }>(
        `insert into public.tenant_knowledge (tenant_id, title, content, content_hash, owner_id)
         values ($1, 'Notebook', $2, md5($2), $3) returning id`,
        [wide.id, probe.text, probe.owner],
      )
      probe.documentId = String(doc?.id)
      await tx.query(
        `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding, embedding_model)
         values ($1, $2, 0, $3, $4::extensions.vector, $5)`,
        [wide.id, probe.documentId, probe.text, probe.vector, MODEL.model],
      )
    })
  })

  const nearestDocuments = (run: ProbeRun) =>
    run(async (tx) => [
      (
        await tx.query<{ knowledge_id: string }>(
          'select knowledge_id from public.tenant_knowledge_chunks order by embedding <=> $1::extensions.vector limit 10',
          [probe.vector],
        )
      ).map((row) => String(row.knowledge_id)),
    ])

  it('is the nearest row for its owner, and no row at all for a colleague, the tenant’s viewer or a visitor', async () => {
    const [own = []] = await nearestDocuments((fn) => withUser(db, { sub: probe.owner }, fn))
    expect(own[0]).toBe(probe.documentId)
    for (const run of [
      (fn: (tx: Queryable) => Promise<string[][]>) => withUser(db, { sub: probe.colleague }, fn),
      (fn: (tx: Queryable) => Promise<string[][]>) => withUser(db, { sub: tenant('wide').memberId }, fn),
      (fn: (tx: Queryable) => Promise<string[][]>) => withAnon(db, { tenant_id: tenant('wide').id }, fn),
    ]) {
      const [seen = []] = await nearestDocuments(run)
      expect(seen.length).toBeGreaterThan(0)
      expect(seen).not.toContain(probe.documentId)
    }
  })
})
