import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { withUser, type Claims } from '@/lib/db'
import { TenantKnowledgeBase, type SearchOptions } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, createTenant, createUser } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase
let tenantId: string
let viewer: Claims
const local = new LocalEmbedder()
const titles = new Map<string, string>()

const documents = [
  {
    title: 'Invoice policy',
    content:
      '# Payment terms\n\nInvoices are due within thirty days. A late fee of two percent applies to overdue invoices.\n\n' +
      '# Refunds\n\nRefunds are issued to the original card within five business days of approval.',
    category: 'billing',
    tags: ['finance'],
    elemental_tags: ['earth' as const],
  },
  {
    title: 'Morning routine',
    content: 'Begin each morning with slow breathing, a glass of water and ten minutes of stretching before any screen time.',
    category: 'coaching',
    tags: ['habits', 'morning'],
    elemental_tags: ['water' as const, 'air' as const],
  },
  {
    title: 'Evening routine',
    content: 'End the evening with a short walk, dim lights and a paper book; payment of the coaching fee is monthly.',
    category: 'coaching',
    tags: ['habits'],
    elemental_tags: ['earth' as const],
  },
  {
    title: 'Router manual',
    content:
      'The XR-7 router restarts when the reset button is held for ten seconds. Firmware updates install overnight, ' +
      'the status light blinks amber while an update downloads, and the configuration page lives at the local address ' +
      'printed under the device next to the serial number and the default wireless password.',
    category: 'support',
    tags: ['hardware'],
    elemental_tags: ['air' as const],
  },
]

function search(query: string, options: SearchOptions = {}) {
  return withUser(db, viewer, (tx) => new TenantKnowledgeBase(tenantId, tx, { embedder: local }).search(query, options))
}

const titlesOf = (hits: { knowledgeId: string }[]) => [...new Set(hits.map((hit) => titles.get(hit.knowledgeId)))]

beforeAll(async () => {
  db = await createTestDatabase()
  tenantId = (await createTenant(db, { slug: 'search-home' })).id
  const admin = await createUser(db, { email: 'search-admin@example.com' })
  const reader = await createUser(db, { email: 'search-viewer@example.com' })
  await addMember(db, tenantId, admin.userId, 'admin')
  await addMember(db, tenantId, reader.userId, 'viewer')
  viewer = { sub: reader.userId, email: reader.email }
  for (const document of documents) {
    const prepared = await TenantKnowledgeBase.prepare(document, local)
    const added = await withUser(db, { sub: admin.userId }, (tx) =>
      new TenantKnowledgeBase(tenantId, tx, { embedder: local }).addKnowledge(prepared),
    )
    titles.set(added.id, document.title)
  }
})
afterAll(async () => {
  await db.close()
})

describe('hybrid search', () => {
  it('ranks the passage that answers the question first, with a snippet around the query words', async () => {
    const [first] = await search('how are refunds issued to my card?')
    expect(first).toMatchObject({ title: 'Invoice policy', heading: 'Refunds' })
    expect(first?.snippet.toLowerCase()).toContain('refunds')
    expect(first?.score).toBeGreaterThan(0.2)
  })

  it('drops everything below the match threshold for an unrelated question', async () => {
    expect(await search('quantum chromodynamics on a lattice', { matchThreshold: 0.2 })).toEqual([])
    expect((await search('quantum chromodynamics on a lattice', { matchThreshold: -1, limit: 3 })).length).toBe(3)
  })

  it('keeps a hit that holds every query term at a threshold its vector similarity alone would not reach', async () => {
    const hits = await search('XR-7 reset button', { matchThreshold: 0.95 })
    expect(titlesOf(hits)).toEqual(['Router manual'])
    expect(hits[0]?.similarity).toBeLessThan(0.95)
    expect(hits[0]?.coverage).toBe(1)
    // One rare term the passage lacks, and coverage no longer carries it.
    expect(await search('XR-7 reset button warranty', { matchThreshold: 0.95 })).toEqual([])
  })

  it('respects the limit', async () => {
    expect(await search('routine payment invoices morning evening', { matchThreshold: -1, limit: 2 })).toHaveLength(2)
  })

  it('returns nothing for a query without a single word', async () => {
    expect(await search('?! …', { matchThreshold: -1 })).toEqual([])
  })

  it('rejects options out of range', async () => {
    await expect(search('fees', { limit: 0 })).rejects.toMatchObject({ code: 'bad_request' })
  })
})

describe('filters', () => {
  const query = 'payment fee routine'
  const loose = { matchThreshold: -1, limit: 20 }

  it('narrows to a category', async () => {
    expect(titlesOf(await search(query, { ...loose, category: 'coaching' })).sort()).toEqual(['Evening routine', 'Morning routine'])
  })

  it('narrows to documents carrying any of the given tags, whatever their case', async () => {
    expect(titlesOf(await search(query, { ...loose, tags: ['MORNING'] }))).toEqual(['Morning routine'])
    expect(titlesOf(await search(query, { ...loose, tags: ['finance', 'hardware'] })).sort()).toEqual(['Invoice policy', 'Router manual'])
  })

  it('narrows to documents carrying any of the given elemental tags', async () => {
    expect(titlesOf(await search(query, { ...loose, elementalTags: ['water'] }))).toEqual(['Morning routine'])
    expect(await search(query, { ...loose, elementalTags: ['fire'] })).toEqual([])
  })

  it('combines filters', async () => {
    expect(titlesOf(await search(query, { ...loose, category: 'coaching', elementalTags: ['earth'] }))).toEqual(['Evening routine'])
  })
})
