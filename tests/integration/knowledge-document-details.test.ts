import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as deleteRoute, GET as getRoute } from '@/app/api/admin/tenants/[id]/knowledge/[knowledgeId]/route'
import { POST as postRoute } from '@/app/api/admin/tenants/[id]/knowledge/route'
import { POST as searchRoute } from '@/app/api/tenant/[slug]/knowledge/search/route'
import { knowledgeDocumentResponseSchema } from '@/lib/contracts/knowledge'
import { setDatabaseForTests, withService } from '@/lib/db'
import { addMember, apiRequest, createTenant, createUser, loginCookie, TEST_ORIGIN } from '../support/auth'
import { runJobs, testPool, type UploadBody } from '../support/jobs'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import type { WorkerPool } from '@/lib/ingest/worker/pool'

/* The document page's route: its passages (chunks) with token counts, its stored original and index state. */

let db: TestDatabase
let pool: WorkerPool
const tenants = { home: { id: '', slug: 'kd-home' }, other: { id: '', slug: 'kd-other' } }
const cookies = { admin: '', user: '', otherAdmin: '' }
type Who = keyof typeof cookies

const base = (tenantId: string) => `/api/admin/tenants/${tenantId}/knowledge`

function read(who: Who, tenantId: string, knowledgeId: string) {
  return getRoute(apiRequest(`${base(tenantId)}/${knowledgeId}`, { cookie: cookies[who] }), {
    params: Promise.resolve({ id: tenantId, knowledgeId }),
  })
}

async function details(knowledgeId: string) {
  const response = await read('admin', tenants.home.id, knowledgeId)
  expect(response.status).toBe(200)
  return knowledgeDocumentResponseSchema.parse(await response.json())
}

async function addText(title: string, content: string, sourceType: 'text' | 'markdown' = 'markdown'): Promise<string> {
  const response = await postRoute(
    apiRequest(base(tenants.home.id), { method: 'POST', cookie: cookies.admin, body: { title, content, sourceType } }),
    { params: Promise.resolve({ id: tenants.home.id }) },
  )
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  pool = testPool()
  tenants.home.id = (await createTenant(db, { slug: tenants.home.slug })).id
  tenants.other.id = (await createTenant(db, { slug: tenants.other.slug })).id
  const people: [Who, string, 'admin' | 'user'][] = [
    ['admin', tenants.home.id, 'admin'],
    ['user', tenants.home.id, 'user'],
    ['otherAdmin', tenants.other.id, 'admin'],
  ]
  for (const [who, tenantId, role] of people) {
    const user = await createUser(db, { email: `kd-${who.toLowerCase()}@example.com` })
    await addMember(db, tenantId, user.userId, role)
    cookies[who] = await loginCookie(db, user.userId)
  }
})
afterAll(async () => {
  await pool.close()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('GET /api/admin/tenants/[id]/knowledge/[knowledgeId]', () => {
  it('answers the passages in document order with their headings, text and token counts, which add up to the document', async () => {
    const sections = ['Arrival', 'Breakfast', 'Departure'].map(
      (heading, i) =>
        `## ${heading}\n\n${`The ${heading.toLowerCase()} routine at the inn, step ${i + 1}, explained at length. `.repeat(60)}`,
    )
    const id = await addText('Inn routines', `# Inn routines\n\n${sections.join('\n\n')}`)
    const { document, chunks, original, index } = await details(id)
    expect(chunks.length).toBeGreaterThan(2)
    expect(chunks.length).toBe(document.chunkCount)
    expect(chunks.map((chunk) => chunk.index)).toEqual(chunks.map((_, i) => i))
    expect(chunks.some((chunk) => chunk.heading?.includes('Breakfast'))).toBe(true)
    expect(chunks.every((chunk) => chunk.tokenCount > 0 && document.content.includes(chunk.content.slice(0, 40)))).toBe(true)
    expect(chunks[0]).toEqual({ index: 0, heading: expect.any(String), content: expect.any(String), tokenCount: expect.any(Number) })
    expect(original).toBeNull()
    expect(index).toMatchObject({ chunks: chunks.length, pendingChunks: 0, job: null })
  })

  it('names the stored original of an uploaded file and the upload job that made it', async () => {
    const form = new FormData()
    form.append('file', new File(['# Spa menu\n\nThe spa offers a seaweed wrap and a hot stone massage on Sundays.'], 'spa-menu.md'))
    const accepted = await postRoute(
      new Request(`${TEST_ORIGIN}${base(tenants.home.id)}`, {
        method: 'POST',
        headers: { cookie: cookies.admin, origin: TEST_ORIGIN },
        body: form,
      }),
      { params: Promise.resolve({ id: tenants.home.id }) },
    )
    expect(accepted.status).toBe(202)
    const [job] = ((await accepted.json()) as UploadBody).jobs
    await runJobs(db, pool)
    const [row] = await withService(db, (tx) =>
      tx.query<{ document_id: string }>('select document_id from public.knowledge_jobs where id = $1', [job?.id]),
    )
    const { original, index, chunks } = await details(row?.document_id ?? '')
    expect(original).toEqual({ fileName: 'spa-menu.md', mediaType: expect.any(String), byteSize: expect.any(Number) })
    expect(index.job).toMatchObject({ id: job?.id, kind: 'ingest', status: 'done' })
    expect(chunks[0]?.content).toContain('seaweed wrap')
  })

  it('answers 403 to a member who is not an admin and 404 to another tenant admin, without the document', async () => {
    const id = await addText('Private note', 'The safe code is kept by the night manager.', 'text')
    const member = await read('user', tenants.home.id, id)
    expect(member.status).toBe(403)
    const outsider = await read('otherAdmin', tenants.home.id, id)
    expect(outsider.status).toBe(404)
    expect(JSON.stringify(await outsider.json())).not.toContain('safe code')
    expect((await read('otherAdmin', tenants.other.id, id)).status).toBe(404)
  })

  it('a deleted document is gone from its page and from search results', async () => {
    const id = await addText('Lighthouse tours', 'Lighthouse tours leave the harbour at noon every Saturday.', 'text')
    const search = async () => {
      const response = await searchRoute(
        apiRequest(`/api/tenant/${tenants.home.slug}/knowledge/search`, {
          method: 'POST',
          cookie: cookies.admin,
          body: { query: 'When do lighthouse tours leave?' },
        }),
        { params: Promise.resolve({ slug: tenants.home.slug }) },
      )
      return ((await response.json()) as { results: { knowledgeId: string }[] }).results.map((hit) => hit.knowledgeId)
    }
    expect(await search()).toContain(id)
    const removed = await deleteRoute(apiRequest(`${base(tenants.home.id)}/${id}`, { method: 'DELETE', cookie: cookies.admin }), {
      params: Promise.resolve({ id: tenants.home.id, knowledgeId: id }),
    })
    expect(removed.status).toBe(204)
    expect((await read('admin', tenants.home.id, id)).status).toBe(404)
    expect(await search()).not.toContain(id)
  })
})
