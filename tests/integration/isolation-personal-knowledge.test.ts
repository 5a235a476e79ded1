import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { padToColumn, toPgVector } from '@/lib/ai/embeddings'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { withAnon, withService, withUser, type Queryable } from '@/lib/db'
import { actingAs, type Acting } from '@/lib/multi-tenant/access'
import { addCollection } from '@/lib/multi-tenant/collections'
import { addGroup, addGroupMember } from '@/lib/multi-tenant/groups'
import { addDocument, placeDocument } from '@/lib/multi-tenant/knowledge'
import { addMyDocument, listMyDocuments, readMyDocument, removeMyDocument } from '@/lib/multi-tenant/personal'
import { createShare, listShares, removeShare } from '@/lib/multi-tenant/sharing'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, createTenant, createUser, makePlatformAdmin } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/*
 * Personal knowledge, audiences and shares, probed the way an attacker would: the owner's
 * private text is the query (so, were it readable, its chunk would be the nearest row) and
 * the search's threshold is off (every candidate the caller may read comes back). Every
 * caller but those the rule lets in gets none of it: another member, the tenant's admin, a
 * viewer, a member of another tenant, a visitor, a platform admin. Shares let exactly their
 * grantees in, and revoking one shuts them out again.
 */

const EMBEDDER = new LocalEmbedder()
const PRIVATE_TEXT = 'Quokka ledger: the turquoise lantern count for the Zanzibar offsite is seventeen, kept by Priya.'
const HANDBOOK_TEXT = 'Acme handbook: the front desk opens at nine and closes at five on weekdays.'
const LEGAL_TEXT = 'Legal memo: supplier contracts renew every March unless cancelled with thirty days notice.'

type Runner = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>
type Person = { userId: string; acting: Acting; run: Runner }

let db: TestDatabase
let acme: { id: string; slug: string }
let globex: { id: string; slug: string }
const people: Record<string, Person> = {}
let privateId = ''
let handbookId = ''
let legalId = ''
let legalCollectionId = ''
let defaultCollectionId = ''
let teamId = ''
let globexGroupId = ''

async function person(key: string, memberships: [string, 'admin' | 'user' | 'viewer'][]): Promise<void> {
  const { userId } = await createUser(db, { email: `${key}@personal.test` })
  for (const [tenantId, role] of memberships) await addMember(db, tenantId, userId, role)
  const claims = { sub: userId, email: `${key}@personal.test` }
  people[key] = { userId, acting: actingAs(db, claims), run: (fn) => withUser(db, claims, fn) }
}

const who = (key: string): Person => {
  const found = people[key]
  if (!found) throw new Error(`no person ${key}`)
  return found
}

const visitor: Runner = (fn) => withAnon(db, { tenant_id: acme.id }, fn)

/** Every hit the caller's search returns for `query` in acme (threshold off), as document ids. */
async function documentsFound(run: Runner, query: string, collectionIds: string[] | null = null): Promise<string[]> {
  const [embedding] = await EMBEDDER.embed([query])
  const vector = toPgVector(padToColumn(embedding ?? []))
  const hits = await run((tx) =>
    new TenantKnowledgeBase(acme.id, tx, { embedder: EMBEDDER }).searchWithEmbedding(
      query,
      vector,
      { limit: 50, matchThreshold: -1 },
      collectionIds,
    ),
  )
  return hits.map((hit) => hit.knowledgeId)
}

/** Rows of the private document and its chunks the caller reads straight from the tables. */
async function directReads(run: Runner, documentId: string): Promise<number> {
  const [row] = await run((tx) =>
    tx.query<{ n: number }>(
      `select (select count(*) from public.tenant_knowledge where id = $1)
            + (select count(*) from public.tenant_knowledge_chunks where knowledge_id = $1) as n`,
      [documentId],
    ),
  )
  return Number(row?.n)
}

const OUTSIDERS = ['other', 'admin', 'viewer', 'grantee', 'teammate', 'outsider', 'platform'] as const

beforeAll(async () => {
  db = await createTestDatabase()
  acme = await createTenant(db, { slug: 'acme-personal', publicAccess: true })
  globex = await createTenant(db, { slug: 'globex-personal' })
  await person('owner', [[acme.id, 'user']])
  await person('other', [[acme.id, 'user']])
  await person('grantee', [[acme.id, 'user']])
  await person('teammate', [[acme.id, 'user']])
  await person('admin', [[acme.id, 'admin']])
  await person('viewer', [[acme.id, 'viewer']])
  await person('outsider', [[globex.id, 'admin']])
  await person('platform', [])
  await makePlatformAdmin(db, who('platform').userId)

  const admin = who('admin').acting
  teamId = (await addGroup(admin, acme.id, 'Team')).id
  await addGroupMember(admin, acme.id, teamId, who('teammate').userId)
  globexGroupId = (await addGroup(who('outsider').acting, globex.id, 'Globex team')).id
  legalCollectionId = (await addCollection(admin, acme.id, 'Legal')).id
  const [defaultCollection] = await withService(db, (tx) =>
    tx.query<{ id: string }>('select id from public.tenant_collections where tenant_id = $1 and is_default', [acme.id]),
  )
  defaultCollectionId = String(defaultCollection?.id)
  handbookId = (await addDocument(admin, acme.id, { title: 'Handbook', content: HANDBOOK_TEXT }, EMBEDDER)).id
  legalId = (await addDocument(admin, acme.id, { title: 'Legal memo', content: LEGAL_TEXT, collection_id: legalCollectionId }, EMBEDDER)).id
  privateId = (
    await addMyDocument(who('owner').acting, acme.id, { title: 'My ledger', content: PRIVATE_TEXT, tags: [], sourceType: 'text' })
  ).id
})
afterAll(async () => {
  await db.close()
})

describe('a personal document is its owner’s alone', () => {
  it('comes first in its owner’s own search for its text, so the probes below are not vacuous', async () => {
    const found = await documentsFound(who('owner').run, PRIVATE_TEXT)
    expect(found[0]).toBe(privateId)
    expect(await directReads(who('owner').run, privateId)).toBeGreaterThan(1)
  })

  it.each(OUTSIDERS)('returns none of its rows to %s, with its own text as the query', async (key) => {
    const run = who(key).run
    expect(await documentsFound(run, PRIVATE_TEXT)).not.toContain(privateId)
    expect(await directReads(run, privateId)).toBe(0)
  })

  it('returns none of its rows to a visitor of the public tenant', async () => {
    expect(await documentsFound(visitor, PRIVATE_TEXT)).not.toContain(privateId)
    expect(await directReads(visitor, privateId)).toBe(0)
  })

  it('is listed and read by its owner only; another member’s read is 404', async () => {
    expect((await listMyDocuments(who('owner').acting, acme.id)).items.map((item) => item.id)).toEqual([privateId])
    expect((await listMyDocuments(who('other').acting, acme.id)).items).toEqual([])
    expect((await readMyDocument(who('owner').acting, acme.id, privateId)).document.content).toBe(PRIVATE_TEXT)
    await expect(readMyDocument(who('admin').acting, acme.id, privateId)).rejects.toMatchObject({ code: 'not_found' })
    await expect(removeMyDocument(who('admin').acting, acme.id, privateId)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('cannot be changed or removed by the tenant’s admin, even straight through the table', async () => {
    const changed = await who('admin').run((tx) =>
      tx.query("update public.tenant_knowledge set title = 'Seen' where id = $1 returning id", [privateId]),
    )
    const removed = await who('admin').run((tx) => tx.query('delete from public.tenant_knowledge where id = $1 returning id', [privateId]))
    expect([changed.length, removed.length]).toEqual([0, 0])
  })

  it('counts against the tenant’s storage, which the admin sees', async () => {
    const [usage] = await withService(db, (tx) =>
      tx.query<{ bytes: number }>(
        'select storage_bytes::float8 as bytes from public.tenant_usage where tenant_id = $1 order by period desc limit 1',
        [acme.id],
      ),
    )
    const expected = [HANDBOOK_TEXT, LEGAL_TEXT, PRIVATE_TEXT].reduce((sum, text) => sum + Buffer.byteLength(text), 0)
    expect(Number(usage?.bytes)).toBeGreaterThanOrEqual(expected)
  })
})

describe('sharing', () => {
  it('with a member lets that member retrieve it and nobody else, and revoking takes it back', async () => {
    const share = await createShare(who('owner').acting, acme.id, {
      resourceType: 'document',
      resourceId: privateId,
      grantee: { userId: who('grantee').userId },
    })
    expect(await documentsFound(who('grantee').run, PRIVATE_TEXT)).toContain(privateId)
    for (const key of ['other', 'teammate', 'admin', 'viewer'] as const) {
      expect(await documentsFound(who(key).run, PRIVATE_TEXT)).not.toContain(privateId)
    }
    expect((await listShares(who('grantee').acting, acme.id)).sharedWithMe.map((item) => item.id)).toEqual([share.id])
    await removeShare(who('owner').acting, acme.id, share.id)
    expect(await documentsFound(who('grantee').run, PRIVATE_TEXT)).not.toContain(privateId)
    expect(await directReads(who('grantee').run, privateId)).toBe(0)
  })

  it('with a group reaches its members only, and revoking takes it back', async () => {
    const share = await createShare(who('owner').acting, acme.id, {
      resourceType: 'document',
      resourceId: privateId,
      grantee: { groupId: teamId },
    })
    expect(await documentsFound(who('teammate').run, PRIVATE_TEXT)).toContain(privateId)
    expect(await documentsFound(who('grantee').run, PRIVATE_TEXT)).not.toContain(privateId)
    await removeShare(who('owner').acting, acme.id, share.id)
    expect(await documentsFound(who('teammate').run, PRIVATE_TEXT)).not.toContain(privateId)
  })

  it('with the whole tenant reaches its members, viewers included, but not visitors, other tenants or platform admins', async () => {
    const share = await createShare(who('owner').acting, acme.id, {
      resourceType: 'document',
      resourceId: privateId,
      grantee: { tenant: true },
    })
    for (const key of ['other', 'viewer', 'admin'] as const) expect(await documentsFound(who(key).run, PRIVATE_TEXT)).toContain(privateId)
    expect(await documentsFound(visitor, PRIVATE_TEXT)).not.toContain(privateId)
    expect(await directReads(who('outsider').run, privateId)).toBe(0)
    expect(await directReads(who('platform').run, privateId)).toBe(0)
    await removeShare(who('owner').acting, acme.id, share.id)
    expect(await documentsFound(who('other').run, PRIVATE_TEXT)).not.toContain(privateId)
  })

  it('never crosses tenants: a member or group of another tenant is 404, and nothing is written', async () => {
    const owner = who('owner').acting
    await expect(
      createShare(owner, acme.id, { resourceType: 'document', resourceId: privateId, grantee: { userId: who('outsider').userId } }),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      createShare(owner, acme.id, { resourceType: 'document', resourceId: privateId, grantee: { groupId: globexGroupId } }),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      createShare(who('outsider').acting, globex.id, { resourceType: 'document', resourceId: privateId, grantee: { tenant: true } }),
    ).rejects.toMatchObject({ code: 'not_found' })
    const [count] = await withService(db, (tx) => tx.query<{ n: number }>('select count(*)::int as n from public.tenant_shares'))
    expect(count?.n).toBe(0)
  })

  it('shares only what is the sharer’s own: another member’s document or a tenant document is 404', async () => {
    await expect(
      createShare(who('other').acting, acme.id, { resourceType: 'document', resourceId: privateId, grantee: { tenant: true } }),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      createShare(who('admin').acting, acme.id, { resourceType: 'document', resourceId: handbookId, grantee: { tenant: true } }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  it('is revoked only by its owner: a grantee’s attempt is 404 and the share stays', async () => {
    const share = await createShare(who('owner').acting, acme.id, {
      resourceType: 'document',
      resourceId: privateId,
      grantee: { userId: who('grantee').userId },
    })
    await expect(removeShare(who('grantee').acting, acme.id, share.id)).rejects.toMatchObject({ code: 'not_found' })
    expect(await documentsFound(who('grantee').run, PRIVATE_TEXT)).toContain(privateId)
    await removeShare(who('owner').acting, acme.id, share.id)
  })
})

describe('a tenant document’s audience', () => {
  it('admins only: the admin retrieves it; members, viewers and visitors do not', async () => {
    await placeDocument(who('admin').acting, acme.id, legalId, { visibility: 'admins' })
    expect(await documentsFound(who('admin').run, LEGAL_TEXT)).toContain(legalId)
    for (const [label, run] of [
      ['other', who('other').run],
      ['viewer', who('viewer').run],
      ['visitor', visitor],
    ] as const) {
      expect(await documentsFound(run, LEGAL_TEXT), label).not.toContain(legalId)
    }
    expect(await directReads(who('other').run, legalId)).toBe(0)
  })

  it('named groups: their members and the admin retrieve it; other members do not', async () => {
    await placeDocument(who('admin').acting, acme.id, legalId, { visibility: 'groups', groupIds: [teamId] })
    expect(await documentsFound(who('teammate').run, LEGAL_TEXT)).toContain(legalId)
    expect(await documentsFound(who('admin').run, LEGAL_TEXT)).toContain(legalId)
    expect(await documentsFound(who('other').run, LEGAL_TEXT)).not.toContain(legalId)
  })

  it('all members again: every member retrieves it', async () => {
    await placeDocument(who('admin').acting, acme.id, legalId, { visibility: 'members' })
    expect(await documentsFound(who('other').run, LEGAL_TEXT)).toContain(legalId)
  })
})

describe('a search scoped to collections', () => {
  it('scoped to one collection never returns a document of another, with that document’s own text as the query', async () => {
    expect(await documentsFound(who('other').run, HANDBOOK_TEXT, [legalCollectionId])).not.toContain(handbookId)
    expect(await documentsFound(who('other').run, LEGAL_TEXT, [defaultCollectionId])).not.toContain(legalId)
  })

  it('finds the documents of the collections it names', async () => {
    expect(await documentsFound(who('other').run, LEGAL_TEXT, [legalCollectionId])).toEqual([legalId])
    expect(await documentsFound(who('other').run, HANDBOOK_TEXT, [defaultCollectionId, legalCollectionId])).toContain(handbookId)
  })

  it('keeps the caller’s own personal documents beside the scope, and nobody else’s', async () => {
    expect(await documentsFound(who('owner').run, PRIVATE_TEXT, [legalCollectionId])).toContain(privateId)
    expect(await documentsFound(who('other').run, PRIVATE_TEXT, [legalCollectionId])).not.toContain(privateId)
  })
})

describe('a personal document goes with its owner', () => {
  it('is removed with its chunks and shares when its owner leaves the tenant', async () => {
    const extra = await addMyDocument(who('grantee').acting, acme.id, {
      title: 'Leaving',
      content: 'A note that leaves with me.',
      tags: [],
      sourceType: 'text',
    })
    await createShare(who('grantee').acting, acme.id, { resourceType: 'document', resourceId: extra.id, grantee: { tenant: true } })
    await withService(db, (tx) =>
      tx.query('delete from public.tenant_users where tenant_id = $1 and user_id = $2', [acme.id, who('grantee').userId]),
    )
    const [left] = await withService(db, (tx) =>
      tx.query<{ n: number }>(
        `select (select count(*) from public.tenant_knowledge where id = $1)
              + (select count(*) from public.tenant_knowledge_chunks where knowledge_id = $1)
              + (select count(*) from public.tenant_shares where document_id = $1) as n`,
        [extra.id],
      ),
    )
    expect(Number(left?.n)).toBe(0)
  })
})
