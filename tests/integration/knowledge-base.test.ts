import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { OpenAIEmbedder } from '@/lib/ai/openai/embedder'
import { withService, withUser, type Claims } from '@/lib/db'
import { TenantKnowledgeBase, type KnowledgeInput } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, createTenant, createUser } from '../support/auth'
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai'
import { sampleProse } from '../support/fixtures'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase
let tenantId: string
let admin: Claims
let viewer: Claims

const local = new LocalEmbedder()

function asAdmin<T>(fn: (kb: TenantKnowledgeBase) => Promise<T>, embedder: EmbeddingProvider = local): Promise<T> {
  return withUser(db, admin, (tx) => fn(new TenantKnowledgeBase(tenantId, tx, { embedder })))
}

/** Prepared (chunked, embedded) before the transaction, then stored in it: the one way a document goes in. */
async function addAsAdmin(input: KnowledgeInput, embedder: EmbeddingProvider = local) {
  const prepared = await TenantKnowledgeBase.prepare(input, embedder)
  return asAdmin((kb) => kb.addKnowledge(prepared), embedder)
}

const invoices: KnowledgeInput = {
  title: 'Invoice policy',
  content:
    '# Payment terms\n\nInvoices are due within thirty days. A late fee of two percent applies to overdue invoices.\n\n' +
    '# Refunds\n\nRefunds are issued to the original card within five business days.',
  category: 'billing',
  tags: ['Finance', 'policy'],
  elemental_tags: ['earth'],
  sourceType: 'markdown',
}

const wellness: KnowledgeInput = {
  title: 'Morning routine',
  content: 'Begin each morning with slow breathing and a glass of water before any screen time.',
  category: 'coaching',
  tags: ['habits'],
  elemental_tags: ['water', 'air'],
}

async function countRows(sql: string, params: unknown[] = []): Promise<number> {
  const rows = await withService(db, (tx) => tx.query<{ n: number }>(sql, params))
  return rows[0]?.n ?? 0
}

beforeAll(async () => {
  db = await createTestDatabase()
  tenantId = (await createTenant(db, { slug: 'kb-home' })).id
  const adminUser = await createUser(db, { email: 'kb-admin@example.com' })
  const viewerUser = await createUser(db, { email: 'kb-viewer@example.com' })
  await addMember(db, tenantId, adminUser.userId, 'admin')
  await addMember(db, tenantId, viewerUser.userId, 'viewer')
  admin = { sub: adminUser.userId, email: adminUser.email }
  viewer = { sub: viewerUser.userId, email: viewerUser.email }
})
afterAll(async () => {
  await db.close()
})

describe('adding knowledge', () => {
  it('stores the document, its chunks under headings with the model name, and an audit row', async () => {
    const added = await addAsAdmin(invoices)
    expect(added.duplicate).toBe(false)
    expect(added.chunkCount).toBe(2)
    const chunks = await withService(db, (tx) =>
      tx.query<{ heading: string; embedding_model: string; dims: number }>(
        `select heading, embedding_model, extensions.vector_dims(embedding) as dims
           from public.tenant_knowledge_chunks where knowledge_id = $1 order by chunk_index`,
        [added.id],
      ),
    )
    expect(chunks.map((chunk) => chunk.heading)).toEqual(['Payment terms', 'Refunds'])
    expect(chunks.every((chunk) => chunk.embedding_model === local.model && chunk.dims === 1536)).toBe(true)
    const doc = await asAdmin((kb) => kb.get(added.id))
    expect(doc).toMatchObject({ title: 'Invoice policy', category: 'billing', tags: ['finance', 'policy'], chunkCount: 2 })
    expect(doc?.byteSize).toBe(Buffer.byteLength(invoices.content))
    const audit = await countRows("select count(*)::int as n from public.audit_logs where action = 'knowledge.add' and target_id = $1", [
      added.id,
    ])
    expect(audit).toBe(1)
  })

  it('returns the existing id instead of storing the same text twice', async () => {
    const first = await addAsAdmin(wellness)
    const again = await addAsAdmin({ ...wellness, title: 'Same text, new title' })
    expect(again).toEqual({ id: first.id, chunkCount: first.chunkCount, duplicate: true })
    expect(
      await countRows(
        'select count(*)::int as n from public.tenant_knowledge where content_hash = (select content_hash from public.tenant_knowledge where id = $1)',
        [first.id],
      ),
    ).toBe(1)
  })

  it('pads vectors of a shorter model and stores them under that model name', async () => {
    const fake = await startFakeOpenAI({ embeddingDimensions: 8 })
    try {
      const openai = new OpenAIEmbedder({ apiKey: 'test', baseURL: fake.url, model: 'fake-embedding-8' })
      const added = await addAsAdmin({ title: 'Short vectors', content: 'Eight numbers per vector.' }, openai)
      const [row] = await withService(db, (tx) =>
        tx.query<{ model: string; dims: number; norm: number }>(
          `select embedding_model as model, extensions.vector_dims(embedding) as dims,
                  extensions.vector_norm(extensions.subvector(embedding, 9, 1528)) as norm
             from public.tenant_knowledge_chunks where knowledge_id = $1`,
          [added.id],
        ),
      )
      expect(row).toEqual({ model: 'fake-embedding-8', dims: 1536, norm: 0 })
    } finally {
      await fake.close()
    }
  })

  it('leaves no document, chunk, audit row or storage behind when a later chunk fails to store', async () => {
    // A 1e39 component is a finite JavaScript number that overflows float4: Postgres
    // rejects the row. Chunk 60 is in the second INSERT, after the first batch went in.
    const corrupting: EmbeddingProvider = {
      model: local.model,
      dimensions: local.dimensions,
      async embed(texts) {
        const vectors = await local.embed(texts)
        return vectors.map((vector, index) => (index === 60 ? vector.map((value, i) => (i === 0 ? 1e39 : value)) : vector))
      },
    }
    const storageBefore = await countRows(
      'select coalesce(sum(byte_size), 0)::int as n from public.tenant_knowledge where tenant_id = $1',
      [tenantId],
    )
    const usageBefore = await countRows('select coalesce(max(storage_bytes), 0)::int as n from public.tenant_usage where tenant_id = $1', [
      tenantId,
    ])
    const auditBefore = await countRows('select count(*)::int as n from public.audit_logs where tenant_id = $1', [tenantId])
    const content = sampleProse(20_000, 7)
    await expect(addAsAdmin({ title: 'Long', content }, corrupting)).rejects.toThrow(/out of range/)
    expect(await countRows("select count(*)::int as n from public.tenant_knowledge where title = 'Long'")).toBe(0)
    expect(
      await countRows(
        'select count(*)::int as n from public.tenant_knowledge_chunks c left join public.tenant_knowledge k on k.id = c.knowledge_id where k.id is null',
      ),
    ).toBe(0)
    expect(
      await countRows('select coalesce(sum(byte_size), 0)::int as n from public.tenant_knowledge where tenant_id = $1', [tenantId]),
    ).toBe(storageBefore)
    expect(
      await countRows('select coalesce(max(storage_bytes), 0)::int as n from public.tenant_usage where tenant_id = $1', [tenantId]),
    ).toBe(usageBefore)
    expect(await countRows('select count(*)::int as n from public.audit_logs where tenant_id = $1', [tenantId])).toBe(auditBefore)
    // The same document stores fine with a healthy embedder: the failure was the chunk, not the text.
    const stored = await addAsAdmin({ title: 'Long', content })
    expect(stored.chunkCount).toBeGreaterThan(60)
    await asAdmin((kb) => kb.remove(stored.id))
  })

  it('refuses a viewer: only tenant admins write knowledge', async () => {
    await expect(
      TenantKnowledgeBase.prepare({ title: 'Nope', content: 'Viewers cannot add this.' }, local).then((prepared) =>
        withUser(db, viewer, (tx) => new TenantKnowledgeBase(tenantId, tx, { embedder: local }).addKnowledge(prepared)),
      ),
    ).rejects.toMatchObject({ code: '42501' })
  })

  it('rejects invalid input with field messages', async () => {
    await expect(addAsAdmin({ title: ' ', content: 'x', elemental_tags: ['plasma' as 'fire'] })).rejects.toMatchObject({
      code: 'bad_request',
      details: { fields: { title: expect.any(String), 'elemental_tags.0': expect.any(String) } },
    })
  })
})

describe('listing, reading and removing', () => {
  it('pages through documents newest first and filters by title', async () => {
    const page = await asAdmin((kb) => kb.list({ page: 1, pageSize: 2 }))
    expect(page.total).toBeGreaterThanOrEqual(3)
    expect(page.items).toHaveLength(2)
    const second = await asAdmin((kb) => kb.list({ page: 2, pageSize: 2 }))
    expect(second.items.map((item) => item.id)).not.toContain(page.items[0]?.id)
    const found = await asAdmin((kb) => kb.list({ q: 'invoice' }))
    expect(found.items.map((item) => item.title)).toEqual(['Invoice policy'])
    expect(await asAdmin((kb) => kb.list({ q: '100%_' }))).toMatchObject({ total: 0, items: [] })
  })

  it('removes a document with its chunks, releases its storage and audits it', async () => {
    const added = await addAsAdmin({ title: 'Temporary', content: 'This note will be deleted soon.' })
    const before = await countRows(
      'select storage_bytes::int as n from public.tenant_usage where tenant_id = $1 order by period desc limit 1',
      [tenantId],
    )
    await asAdmin((kb) => kb.remove(added.id))
    expect(await countRows('select count(*)::int as n from public.tenant_knowledge_chunks where knowledge_id = $1', [added.id])).toBe(0)
    const after = await countRows(
      'select storage_bytes::int as n from public.tenant_usage where tenant_id = $1 order by period desc limit 1',
      [tenantId],
    )
    expect(before - after).toBe(Buffer.byteLength('This note will be deleted soon.'))
    expect(
      await countRows("select count(*)::int as n from public.audit_logs where action = 'knowledge.delete' and target_id = $1", [added.id]),
    ).toBe(1)
    await expect(asAdmin((kb) => kb.remove(added.id))).rejects.toMatchObject({ code: 'not_found' })
    await expect(asAdmin((kb) => kb.remove('not-a-uuid'))).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('reindexing after a model change', () => {
  let fake: FakeOpenAI
  beforeAll(async () => {
    fake = await startFakeOpenAI({ embeddingDimensions: 16 })
  })
  afterAll(async () => {
    await fake.close()
  })

  it('re-embeds exactly the chunks of another model, after which vector search uses the new model', async () => {
    const next = new OpenAIEmbedder({ apiKey: 'test', baseURL: fake.url, model: 'fake-embedding-16' })
    const stale = await countRows(
      'select count(*)::int as n from public.tenant_knowledge_chunks where tenant_id = $1 and embedding_model <> $2',
      [tenantId, next.model],
    )
    expect(stale).toBeGreaterThan(0)
    const chunkText = 'Begin each morning with slow breathing and a glass of water before any screen time.'
    // Before: no vector of the new model exists, so nothing passes on similarity alone.
    const before = await asAdmin((kb) => kb.search('slow breathing morning glass', { matchThreshold: 0.5 }), next)
    expect(before.every((hit) => hit.similarity === 0)).toBe(true)
    const result = await asAdmin((kb) => kb.reindex(), next)
    expect(result).toEqual({ reembedded: stale, model: 'fake-embedding-16' })
    expect(
      await countRows('select count(*)::int as n from public.tenant_knowledge_chunks where tenant_id = $1 and embedding_model <> $2', [
        tenantId,
        next.model,
      ]),
    ).toBe(0)
    const after = await asAdmin((kb) => kb.search(chunkText, { matchThreshold: 0.99 }), next)
    expect(after[0]?.similarity).toBeCloseTo(1, 5)
    expect(await asAdmin((kb) => kb.reindex(), next)).toEqual({ reembedded: 0, model: 'fake-embedding-16' })
    await asAdmin((kb) => kb.reindex())
  })

  it('refuses a viewer instead of looping on rows RLS will not let it change', async () => {
    const next = { model: 'other-model', dimensions: 1536, embed: (texts: string[]) => local.embed(texts) }
    await expect(withUser(db, viewer, (tx) => new TenantKnowledgeBase(tenantId, tx, { embedder: next }).reindex())).rejects.toMatchObject({
      code: 'forbidden',
    })
  })
})
