import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { withService, withUser, type Claims } from '@/lib/db'
import { TenantKnowledgeBase, type KnowledgeInput } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, createTenant, createUser } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase
let tenantId: string
let otherTenantId: string
let admin: Claims
let outsider: Claims
const local = new LocalEmbedder()

function kb(claims: Claims, fn: (kb: TenantKnowledgeBase) => Promise<unknown>, tenant = tenantId) {
  return withUser(db, claims, (tx) => fn(new TenantKnowledgeBase(tenant, tx, { embedder: local })))
}

async function add(input: KnowledgeInput, tenant = tenantId): Promise<{ id: string }> {
  const prepared = await TenantKnowledgeBase.prepare(input, local)
  return kb(admin, (k) => k.addKnowledge(prepared), tenant) as Promise<{ id: string }>
}
const search = (query: string, tenant = tenantId) =>
  kb(admin, (k) => k.search(query, { matchThreshold: 0, limit: 10 }), tenant) as ReturnType<TenantKnowledgeBase['search']>

/** The statistics the triggers keep, and the same figures counted from the chunks themselves. */
async function statistics(tenant: string) {
  return withService(db, async (tx) => {
    const [kept] = await tx.query<{ chunks: number; lexemes: number }>(
      'select chunk_count::int as chunks, lexeme_total::int as lexemes from public.tenant_search_stats where tenant_id = $1',
      [tenant],
    )
    const [counted] = await tx.query<{ chunks: number; lexemes: number }>(
      'select count(*)::int as chunks, coalesce(sum(lexeme_count), 0)::int as lexemes from public.tenant_knowledge_chunks where tenant_id = $1',
      [tenant],
    )
    const wrong = await tx.query(
      `select coalesce(s.lexeme, c.lexeme) from public.tenant_lexeme_stats s
         full join (select l as lexeme, count(*)::int as n from public.tenant_knowledge_chunks k,
                      unnest(tsvector_to_array(k.fts)) l where k.tenant_id = $1 group by l) c on c.lexeme = s.lexeme
        where (s.tenant_id = $1 or s.tenant_id is null) and coalesce(s.chunk_count, 0) <> coalesce(c.n, 0)`,
      [tenant],
    )
    return { kept: kept ?? { chunks: 0, lexemes: 0 }, counted, wrongLexemes: wrong.length }
  })
}

beforeAll(async () => {
  db = await createTestDatabase()
  tenantId = (await createTenant(db, { slug: 'bm25-home' })).id
  otherTenantId = (await createTenant(db, { slug: 'bm25-other' })).id
  const user = await createUser(db, { email: 'bm25-admin@example.com' })
  const stranger = await createUser(db, { email: 'bm25-outsider@example.com' })
  await addMember(db, tenantId, user.userId, 'admin')
  await addMember(db, otherTenantId, user.userId, 'admin')
  await addMember(db, otherTenantId, stranger.userId, 'admin')
  admin = { sub: user.userId, email: user.email }
  outsider = { sub: stranger.userId, email: stranger.email }
})
afterAll(async () => {
  await db.close()
})

describe('BM25 statistics', () => {
  it('match the chunks after documents are added, retitled and deleted, in every path', async () => {
    const first = await add({ title: 'Leave policy', content: '# Leave\n\nAnnual leave is twenty days. Sick leave needs a note.' })
    const second = await add({ title: 'Travel', content: 'Book travel through the portal. Travel leave is not a thing.' })
    expect((await statistics(tenantId)).wrongLexemes).toBe(0)
    await withService(db, (tx) => tx.query("update public.tenant_knowledge set title = 'Holiday policy' where id = $1", [first.id]))
    expect((await statistics(tenantId)).wrongLexemes).toBe(0)
    await kb(admin, (k) => k.remove(second.id))
    const after = await statistics(tenantId)
    expect(after.kept).toEqual(after.counted)
    expect(after.wrongLexemes).toBe(0)
  })

  it('are rolled back with the transaction that wrote the chunks', async () => {
    const before = await statistics(tenantId)
    const draft = await TenantKnowledgeBase.prepare({ title: 'Draft', content: 'A draft never kept.' }, local)
    await expect(
      withUser(db, admin, async (tx) => {
        await new TenantKnowledgeBase(tenantId, tx, { embedder: local }).addKnowledge(draft)
        throw new Error('abandon')
      }),
    ).rejects.toThrow('abandon')
    expect(await statistics(tenantId)).toEqual(before)
  })

  it('are invisible to members of other tenants', async () => {
    const rows = await withUser(db, outsider, (tx) =>
      tx.query(
        'select 1 from public.tenant_lexeme_stats where tenant_id = $1 union all select 1 from public.tenant_search_stats where tenant_id = $1',
        [tenantId],
      ),
    )
    expect(rows).toEqual([])
  })
})

describe('BM25 ranking', () => {
  it('ranks the chunk holding the rare word of the question above chunks holding only a common one', async () => {
    const tenant = (await createTenant(db, { slug: 'bm25-rank' })).id
    await withService(db, (tx) =>
      tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'admin')", [tenant, admin.sub]),
    )
    for (let i = 0; i < 6; i += 1)
      await add({ title: `Policy ${i}`, content: `The office policy number ${i} covers ordinary office matters.` }, tenant)
    const rare = await add({ title: 'Parking', content: 'The office policy on bicycles: bicycles go in the basement rack.' }, tenant)
    const hits = await search('office policy for bicycles', tenant)
    expect(hits[0]?.knowledgeId).toBe(rare.id)
  })

  it("ranks the chunk holding the question's words side by side above one holding them scattered", async () => {
    const tenant = (await createTenant(db, { slug: 'bm25-phrase' })).id
    await withService(db, (tx) =>
      tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'admin')", [tenant, admin.sub]),
    )
    for (let i = 0; i < 4; i += 1) await add({ title: `Note ${i}`, content: `Office note ${i} on ordinary matters of the team.` }, tenant)
    const scattered = await add(
      {
        title: 'Payroll',
        content:
          'Paid leave, paid overtime and paid travel are logged by payroll. Parental forms and parental questions go to HR. ' +
          'Leave early on Fridays; leave requests need approval.',
      },
      tenant,
    )
    const phrase = await add(
      {
        title: 'Family',
        content:
          'Paid parental leave lasts twelve weeks for the birth or adoption of a child, and the team covers your work while you are away.',
      },
      tenant,
    )
    const hits = await search('paid parental leave', tenant)
    expect(hits.map((hit) => hit.knowledgeId).slice(0, 2)).toEqual([phrase.id, scattered.id])
  })

  it("finds a chunk by its document's title, which the chunk's text does not repeat", async () => {
    const titled = await add({ title: 'Fabergé procurement handbook', content: 'Orders above the limit need two signatures.' })
    const hits = await search('Fabergé procurement')
    expect(hits[0]?.knowledgeId).toBe(titled.id)
    expect(hits[0]?.coverage).toBe(1)
  })

  it("stems by the tenant's content language, and re-indexes when it changes", async () => {
    const tenant = otherTenantId
    const doc = await add({ title: 'Guide', content: 'Les données publiées doivent être documentées.' }, tenant)
    await withUser(db, admin, (tx) => tx.query("update public.tenants set content_language = 'french' where id = $1", [tenant]))
    const french = await search('donnée publiée', tenant)
    expect(french[0]?.knowledgeId).toBe(doc.id)
    expect(french[0]?.coverage).toBe(1)
    const stats = await statistics(tenant)
    expect(stats.kept).toEqual(stats.counted)
    expect(stats.wrongLexemes).toBe(0)
  })
})
