import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as documentRoute } from '@/app/api/tenant/[slug]/documents/[id]/route'
import { GET as passageRoute } from '@/app/api/tenant/[slug]/documents/[id]/passages/[chunkId]/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { passageResponseSchema, readableDocumentResponseSchema } from '@/lib/contracts/documents'
import { errorBodySchema } from '@/lib/contracts/errors'
import { setDatabaseForTests, withService, withUser } from '@/lib/db'
import { invalidateTenantRoutes } from '@/lib/multi-tenant/tenants/directory'
import { suggestedQuestions } from '@/lib/multi-tenant/knowledge'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, createTenant, createUser, loginCookie, makePlatformAdmin } from '../support/auth'
import { answer, expectContract } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/*
 * Members read the documents their assistant cites: a passage for the source dialog and
 * the whole document for its page, under RLS. Another tenant's document is never read,
 * whichever tenant's path it is asked through.
 */

let db: TestDatabase
const cookies = { acmeViewer: '', globexMember: '', outsider: '', platform: '', openViewer: '' }
type Who = keyof typeof cookies
const docs = {
  acme: { tenantId: '', id: '', chunkId: '' },
  globex: { tenantId: '', id: '', chunkId: '' },
  open: { tenantId: '', id: '', chunkId: '' },
}

const ACME = '# Rockets\n\n## Warranty\n\nAcme rockets ship with a two year warranty.\n\nRepairs are free in the first year.'
const GLOBEX = '# Launches\n\nGlobex launches reusable rockets from its coastal pad every second Tuesday.'

async function tenantWithDocument(slug: string, title: string, content: string, publicAccess = false) {
  const { id } = await createTenant(db, { slug, publicAccess })
  const admin = await createUser(db, { email: `${slug}-admin@example.com` })
  await addMember(db, id, admin.userId, 'admin')
  const embedder = new LocalEmbedder()
  const prepared = await TenantKnowledgeBase.prepare({ title, content }, embedder)
  const stored = await withUser(db, { sub: admin.userId }, (tx) => new TenantKnowledgeBase(id, tx, { embedder }).addKnowledge(prepared))
  const [chunk] = await withService(db, (tx) =>
    tx.query<{ id: string }>('select id from public.tenant_knowledge_chunks where knowledge_id = $1 order by chunk_index limit 1', [
      stored.id,
    ]),
  )
  return { tenantId: id, id: stored.id, chunkId: chunk?.id ?? '' }
}

async function signIn(who: Who, tenantId: string | null, role: 'user' | 'viewer' = 'viewer') {
  const user = await createUser(db, { email: `docs-${who.toLowerCase()}@example.com` })
  if (tenantId) await addMember(db, tenantId, user.userId, role)
  cookies[who] = await loginCookie(db, user.userId)
  return user.userId
}

const readDocument = (who: Who | null, slug: string, id: string) =>
  answer(documentRoute, { slug, id }, `/api/tenant/${slug}/documents/${id}`, { cookie: who ? cookies[who] : undefined })
const readPassage = (who: Who | null, slug: string, id: string, chunkId: string) =>
  answer(passageRoute, { slug, id, chunkId }, `/api/tenant/${slug}/documents/${id}/passages/${chunkId}`, {
    cookie: who ? cookies[who] : undefined,
  })

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  invalidateTenantRoutes()
  docs.acme = await tenantWithDocument('docs-acme', 'Acme handbook', ACME)
  docs.globex = await tenantWithDocument('docs-globex', 'Globex schedule', GLOBEX)
  docs.open = await tenantWithDocument('docs-open', 'Open notes', '# Bicycles\n\nThe open tenant lends bicycles.', true)
  await signIn('acmeViewer', docs.acme.tenantId)
  await signIn('globexMember', docs.globex.tenantId, 'user')
  await signIn('openViewer', docs.open.tenantId)
  await signIn('outsider', null)
  await makePlatformAdmin(db, await signIn('platform', null))
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  invalidateTenantRoutes()
  await db.close()
})

describe('GET /api/tenant/[slug]/documents/[id]', () => {
  it('gives a viewer the full text and its passages in order, with their heading paths', async () => {
    const { document } = expectContract(readableDocumentResponseSchema, await readDocument('acmeViewer', 'docs-acme', docs.acme.id), 200)
    expect(document).toMatchObject({ id: docs.acme.id, title: 'Acme handbook', sourceType: 'text', content: ACME })
    expect(document.passages.map((passage) => passage.index)).toEqual(document.passages.map((_, index) => index))
    expect(document.passages[0]?.headingPath).toContain('Warranty')
    expect(document.passages.map((passage) => passage.content).join(' ')).toContain('two year warranty')
  })

  it("is 404 for a member of tenant B asking for tenant A's document through B's path", async () => {
    const reply = await readDocument('globexMember', 'docs-globex', docs.acme.id)
    expectContract(errorBodySchema, reply, 404)
    expect(JSON.stringify(reply.body)).not.toContain('warranty')
  })

  it("is 404 for a member of tenant B asking through tenant A's path", async () => {
    expectContract(errorBodySchema, await readDocument('globexMember', 'docs-acme', docs.acme.id), 404)
  })

  it('is 404 for a signed-in outsider and 401 without a session, also on a public tenant', async () => {
    expectContract(errorBodySchema, await readDocument('outsider', 'docs-acme', docs.acme.id), 404)
    expectContract(errorBodySchema, await readDocument(null, 'docs-acme', docs.acme.id), 401)
    expectContract(errorBodySchema, await readDocument(null, 'docs-open', docs.open.id), 401)
  })

  it('is 404 for a malformed or unknown id, never a 5xx', async () => {
    expectContract(errorBodySchema, await readDocument('acmeViewer', 'docs-acme', 'not-a-uuid'), 404)
    expectContract(errorBodySchema, await readDocument('acmeViewer', 'docs-acme', '00000000-0000-4000-8000-000000000000'), 404)
  })

  it('lets a platform admin read any tenant’s document', async () => {
    const { document } = expectContract(readableDocumentResponseSchema, await readDocument('platform', 'docs-globex', docs.globex.id), 200)
    expect(document.content).toBe(GLOBEX)
  })
})

describe('GET /api/tenant/[slug]/documents/[id]/passages/[chunkId]', () => {
  it('gives a member the cited passage whole, with the document title and heading path', async () => {
    const { passage } = expectContract(
      passageResponseSchema,
      await readPassage('acmeViewer', 'docs-acme', docs.acme.id, docs.acme.chunkId),
      200,
    )
    expect(passage).toMatchObject({ id: docs.acme.chunkId, knowledgeId: docs.acme.id, title: 'Acme handbook', index: 0 })
    expect(passage.headingPath.at(-1)).toBe('Warranty')
    expect(passage.content).toContain('Repairs are free in the first year.')
  })

  it("is 404 for another tenant's passage, and for a passage named under another document", async () => {
    expectContract(errorBodySchema, await readPassage('globexMember', 'docs-globex', docs.acme.id, docs.acme.chunkId), 404)
    expectContract(errorBodySchema, await readPassage('acmeViewer', 'docs-acme', docs.acme.id, docs.globex.chunkId), 404)
    expectContract(errorBodySchema, await readPassage('acmeViewer', 'docs-acme', docs.acme.id, 'x'), 404)
  })
})

describe('suggested opening questions', () => {
  const claimsOf = async (email: string) => {
    const [row] = await withService(db, (tx) => tx.query<{ id: string }>('select id from auth.users where email = $1', [email]))
    return { sub: row?.id ?? '', email }
  }

  it("are drawn from the tenant's own documents by default, and from none of another tenant's", async () => {
    const viewer = await claimsOf('docs-acmeviewer@example.com')
    expect(await withUser(db, viewer, (tx) => suggestedQuestions(tx, docs.acme.tenantId, []))).toEqual([
      'What should I know about warranty?',
    ])
    const globex = await claimsOf('docs-globexmember@example.com')
    expect(await withUser(db, globex, (tx) => suggestedQuestions(tx, docs.acme.tenantId, []))).toEqual([])
  })

  it('are the ones the tenant set, when it set some', async () => {
    const viewer = await claimsOf('docs-acmeviewer@example.com')
    expect(await withUser(db, viewer, (tx) => suggestedQuestions(tx, docs.acme.tenantId, ['Do rockets come in blue?']))).toEqual([
      'Do rockets come in blue?',
    ])
  })
})
