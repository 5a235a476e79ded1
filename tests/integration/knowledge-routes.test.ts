import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as deleteRoute, GET as getRoute } from '@/app/api/admin/tenants/[id]/knowledge/[knowledgeId]/route'
import { GET as jobRoute } from '@/app/api/admin/tenants/[id]/knowledge/jobs/[jobId]/route'
import { GET as listRoute, POST as postRoute } from '@/app/api/admin/tenants/[id]/knowledge/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { addMember, apiRequest, createTenant, createUser, loginCookie, makePlatformAdmin, TEST_ORIGIN } from '../support/auth'
import { makeDocx, makeEncryptedPdf, makePdf, makeShapesOnlyPdf } from '../support/fixtures'
import { runJobs, testPool, type JobBody, type UploadBody, fillStorage } from '../support/jobs'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import type { WorkerPool } from '@/lib/ingest/worker/pool'

let db: TestDatabase
let pool: WorkerPool
const tenants = { acme: '', globex: '', tiny: '' }
const cookies = { platform: '', acmeAdmin: '', acmeUser: '', globexAdmin: '', tinyAdmin: '' }
type Who = keyof typeof cookies

const ctx = (id: string) => ({ params: Promise.resolve({ id }) })
const docCtx = (id: string, knowledgeId: string) => ({ params: Promise.resolve({ id, knowledgeId }) })
const base = (tenantId: string) => `/api/admin/tenants/${tenantId}/knowledge`

function postJson(who: Who | null, tenantId: string, body: unknown) {
  return postRoute(apiRequest(base(tenantId), { method: 'POST', cookie: who ? cookies[who] : undefined, body }), ctx(tenantId))
}

function upload(who: Who, tenantId: string, files: [string, Uint8Array | string][], fields: Record<string, string> = {}) {
  const form = new FormData()
  for (const [name, content] of files)
    form.append('file', new File([typeof content === 'string' ? content : new Uint8Array(content)], name))
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  const request = new Request(`${TEST_ORIGIN}${base(tenantId)}`, {
    method: 'POST',
    headers: { cookie: cookies[who], origin: TEST_ORIGIN },
    body: form,
  })
  return postRoute(request, ctx(tenantId))
}

function list(who: Who, tenantId: string, query = '') {
  return listRoute(apiRequest(`${base(tenantId)}${query}`, { cookie: cookies[who] }), ctx(tenantId))
}

function remove(who: Who, tenantId: string, knowledgeId: string) {
  return deleteRoute(
    apiRequest(`${base(tenantId)}/${knowledgeId}`, { method: 'DELETE', cookie: cookies[who] }),
    docCtx(tenantId, knowledgeId),
  )
}

async function document(tenantId: string, knowledgeId: string) {
  const response = await getRoute(
    apiRequest(`${base(tenantId)}/${knowledgeId}`, { cookie: cookies.acmeAdmin }),
    docCtx(tenantId, knowledgeId),
  )
  return (await response.json()).document
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  pool = testPool()
  tenants.acme = (await createTenant(db, { slug: 'kr-acme' })).id
  tenants.globex = (await createTenant(db, { slug: 'kr-globex' })).id
  tenants.tiny = (
    await createTenant(db, {
      slug: 'kr-tiny',
      limits: { conversationsPerMonth: null, tokensPerMonth: null, storageMb: 1, members: null },
    })
  ).id
  // Limits are whole megabytes: the tiny tenant's storage is already full but for 524 bytes.
  await fillStorage(db, tenants.tiny, 1024 * 1024 - 524)
  const people: [Who, string | null, 'admin' | 'user' | null][] = [
    ['platform', null, null],
    ['acmeAdmin', tenants.acme, 'admin'],
    ['acmeUser', tenants.acme, 'user'],
    ['globexAdmin', tenants.globex, 'admin'],
    ['tinyAdmin', tenants.tiny, 'admin'],
  ]
  for (const [who, tenantId, role] of people) {
    const user = await createUser(db, { email: `kr-${who.toLowerCase()}@example.com` })
    if (tenantId && role) await addMember(db, tenantId, user.userId, role)
    if (who === 'platform') await makePlatformAdmin(db, user.userId)
    cookies[who] = await loginCookie(db, user.userId)
  }
})
afterAll(async () => {
  await pool.close()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('POST JSON', () => {
  const body = {
    title: 'Opening hours',
    content: 'We are open from nine to five on weekdays.',
    category: 'info',
    tags: ['hours'],
    elementalTags: ['earth'],
  }

  it('stores a document for a tenant admin (201) and answers a repeat with 409 and the existing id', async () => {
    const created = await postJson('acmeAdmin', tenants.acme, body)
    expect(created.status).toBe(201)
    const { id, title, chunkCount } = await created.json()
    expect({ title, chunkCount }).toEqual({ title: 'Opening hours', chunkCount: 1 })
    const again = await postJson('acmeAdmin', tenants.acme, { ...body, title: 'Hours again' })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ error: { code: 'conflict', details: { id } } })
    expect(await document(tenants.acme, id)).toMatchObject({
      category: 'info',
      tags: ['hours'],
      elementalTags: ['earth'],
      sourceType: 'text',
    })
  })

  it('lets a platform admin add to any tenant', async () => {
    expect((await postJson('platform', tenants.globex, { title: 'Globex note', content: 'Globex ships rockets.' })).status).toBe(201)
  })

  it('answers 403 to a member who is not an admin, 404 to an outsider, 401 without a session', async () => {
    expect((await postJson('acmeUser', tenants.acme, body)).status).toBe(403)
    expect((await postJson('globexAdmin', tenants.acme, body)).status).toBe(404)
    expect((await postJson(null, tenants.acme, body)).status).toBe(401)
  })

  it('answers 400 with field messages for an invalid body and 415 for another content type', async () => {
    const invalid = await postJson('acmeAdmin', tenants.acme, { title: '', content: 'x', elementalTags: ['plasma'] })
    expect(invalid.status).toBe(400)
    expect((await invalid.json()).error.details.fields).toMatchObject({ title: expect.any(String), 'elementalTags.0': expect.any(String) })
    const plain = await postRoute(
      apiRequest(base(tenants.acme), {
        method: 'POST',
        cookie: cookies.acmeAdmin,
        body: 'hello',
        headers: { 'content-type': 'text/plain' },
      }),
      ctx(tenants.acme),
    )
    expect(plain.status).toBe(415)
  })
})

/** Runs the upload's jobs and reads each back, as the dashboard would after the 202. */
async function settle(response: Response) {
  expect(response.status).toBe(202)
  const { jobs } = (await response.json()) as UploadBody
  await runJobs(db, pool)
  return Promise.all(
    jobs.map(async (entry) => {
      if (!entry.id) return entry
      const reply = await jobRoute(apiRequest(`${base(tenants.acme)}/jobs/${entry.id}`, { cookie: cookies.acmeAdmin }), {
        params: Promise.resolve({ id: tenants.acme, jobId: entry.id }),
      })
      return ((await reply.json()) as JobBody).job
    }),
  )
}

describe('POST files', () => {
  it("ingests .txt, .md, .pdf and .docx in one request (202, then a done job each), with the form's category and tags", async () => {
    const pdf = await makePdf(['Page one explains the warranty of the XR-7 router.', 'Page two covers returns within thirty days.'])
    const docx = await makeDocx([
      { heading: true, text: 'Onboarding' },
      { text: 'New clients receive a welcome call in their first week.' },
    ])
    const jobs = await settle(
      await upload(
        'acmeAdmin',
        tenants.acme,
        [
          ['notes.txt', 'Plain notes about the support rota and who is on call at weekends.'],
          ['guide.md', '# Guide\n\nMarkdown guide to resetting a password from the login page.'],
          ['manual.pdf', pdf],
          ['onboarding.docx', docx],
        ],
        { category: 'manuals', tags: 'support, Docs', elementalTags: 'air' },
      ),
    )
    expect(jobs.map((job) => [job.fileName, job.status])).toEqual([
      ['notes.txt', 'done'],
      ['guide.md', 'done'],
      ['manual.pdf', 'done'],
      ['onboarding.docx', 'done'],
    ])
    const byName = Object.fromEntries(jobs.map((job) => [job.fileName, 'documentId' in job ? job.documentId : undefined]))
    const manual = await document(tenants.acme, byName['manual.pdf'] as string)
    expect(manual).toMatchObject({
      sourceType: 'pdf',
      filename: 'manual.pdf',
      category: 'manuals',
      tags: ['support', 'docs'],
      elementalTags: ['air'],
    })
    expect(manual.content).toContain('returns within thirty days')
    expect(await document(tenants.acme, byName['onboarding.docx'] as string)).toMatchObject({ sourceType: 'docx', title: 'Onboarding' })
    expect(await document(tenants.acme, byName['guide.md'] as string)).toMatchObject({ sourceType: 'markdown', title: 'Guide' })
  })

  it.each([
    ['picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 415, 'unsupported_media_type', /\.png are not supported/],
    ['empty.txt', new Uint8Array(0), 422, 'unprocessable', /empty\.txt is empty/],
  ])('answers a single file refused before any work (%s) with %i and says why', async (name, bytes, status, code, message) => {
    const response = await upload('acmeAdmin', tenants.acme, [[name, bytes]])
    expect(response.status).toBe(status)
    const body = await response.json()
    expect(body.error).toMatchObject({ code, details: { filename: name } })
    expect(body.error.message).toMatch(message)
  })

  it.each([
    ['broken.pdf', new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf'), /broken\.pdf/],
    ['locked.pdf', makeEncryptedPdf('secret', 'Hidden text'), /locked\.pdf.*password/i],
  ])('fails the job of an unreadable file (%s) with 422 and says why', async (name, bytes, message) => {
    const [job] = await settle(await upload('acmeAdmin', tenants.acme, [[name, bytes]]))
    expect(job).toMatchObject({ status: 'failed', error: { code: 'unprocessable' } })
    expect(job?.error?.message).toMatch(message)
  })

  it('says why a scanned PDF without text cannot be read', async () => {
    const [job] = await settle(await upload('acmeAdmin', tenants.acme, [['scan.pdf', await makeShapesOnlyPdf()]]))
    expect(job?.error?.message).toMatch(/no text/i)
  })

  it('reports a file with the text of a stored document as a duplicate of it', async () => {
    const text = 'A document uploaded twice as a file.'
    const [first] = await settle(await upload('acmeAdmin', tenants.acme, [['twice.txt', text]]))
    const [again] = await settle(await upload('acmeAdmin', tenants.acme, [['twice-copy.txt', text]]))
    expect(again).toMatchObject({
      status: 'done',
      duplicate: true,
      documentId: first && 'documentId' in first ? first.documentId : 'missing',
    })
  })

  it('reports each file of a mixed bulk upload on its own (202)', async () => {
    const [good, virus] = await settle(
      await upload('acmeAdmin', tenants.acme, [
        ['good.txt', 'A perfectly readable note about parking.'],
        ['virus.exe', 'MZ not welcome'],
      ]),
    )
    expect(good).toMatchObject({ fileName: 'good.txt', status: 'done' })
    expect(virus).toMatchObject({ id: null, fileName: 'virus.exe', status: 'failed', error: { code: 'unsupported_media_type' } })
  })

  it("answers 413 storage_full when the tenant's storage limit would be passed", async () => {
    const response = await upload('tinyAdmin', tenants.tiny, [['big.txt', 'x'.repeat(600)]])
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('storage_full')
  })
})

describe('upload size limits (UPLOAD_MAX_MB = 0.01)', () => {
  const saved = process.env.UPLOAD_MAX_MB
  beforeAll(() => {
    process.env.UPLOAD_MAX_MB = '0.01'
    resetConfigForTests()
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.UPLOAD_MAX_MB
    else process.env.UPLOAD_MAX_MB = saved
    resetConfigForTests()
  })

  it('answers 413 for a file over the per-file limit', async () => {
    const response = await upload('acmeAdmin', tenants.acme, [['large.txt', 'word '.repeat(4000)]])
    expect(response.status).toBe(413)
    expect((await response.json()).error).toMatchObject({ code: 'payload_too_large', details: { filename: 'large.txt' } })
  })

  it('answers 413 from the declared Content-Length without reading the body', async () => {
    const request = new Request(`${TEST_ORIGIN}${base(tenants.acme)}`, {
      method: 'POST',
      headers: {
        cookie: cookies.acmeAdmin,
        origin: TEST_ORIGIN,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(50 * 1024 * 1024),
      },
      body: '--x--',
    })
    const response = await postRoute(request, ctx(tenants.acme))
    expect(response.status).toBe(413)
    expect(request.bodyUsed).toBe(false)
  })

  it('cuts off a streamed body once it passes the request limit', async () => {
    const piece = new Uint8Array(64 * 1024).fill(97)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) return controller.close()
        sent += 1
        controller.enqueue(piece)
      },
    })
    const request = new Request(`${TEST_ORIGIN}${base(tenants.acme)}`, {
      method: 'POST',
      headers: { cookie: cookies.acmeAdmin, origin: TEST_ORIGIN, 'content-type': 'multipart/form-data; boundary=x' },
      body,
      duplex: 'half',
    } as RequestInit)
    const response = await postRoute(request, ctx(tenants.acme))
    expect(response.status).toBe(413)
    expect(sent).toBeLessThan(40)
  })
})

describe('GET list and DELETE', () => {
  it('pages newest first, filters by title, and reports storage', async () => {
    const first = await (await list('acmeAdmin', tenants.acme, '?page=1&pageSize=2')).json()
    expect(first.items).toHaveLength(2)
    expect(first.total).toBeGreaterThanOrEqual(6)
    expect(first.storage.usedBytes).toBeGreaterThan(0)
    const second = await (await list('acmeAdmin', tenants.acme, '?page=2&pageSize=2')).json()
    expect(second.items[0].id).not.toBe(first.items[1].id)
    const filtered = await (await list('acmeAdmin', tenants.acme, '?q=opening')).json()
    expect(filtered.items.map((item: { title: string }) => item.title)).toEqual(['Opening hours'])
    expect((await list('acmeAdmin', tenants.acme, '?pageSize=1000')).status).toBe(400)
  })

  it('answers 403 to a non-admin member and 404 to an outsider', async () => {
    expect((await list('acmeUser', tenants.acme)).status).toBe(403)
    expect((await list('globexAdmin', tenants.acme)).status).toBe(404)
  })

  it("deletes a document (204) and answers 404 for it afterwards and for another tenant's ids", async () => {
    const created = await (await postJson('acmeAdmin', tenants.acme, { title: 'Short-lived', content: 'Gone soon.' })).json()
    const globexDoc = await withService(db, (tx) =>
      tx.query<{ id: string }>('select id from public.tenant_knowledge where tenant_id = $1 limit 1', [tenants.globex]),
    )
    const foreignId = globexDoc[0]?.id ?? ''
    expect((await remove('acmeUser', tenants.acme, created.id)).status).toBe(403)
    expect((await remove('acmeAdmin', tenants.acme, foreignId)).status).toBe(404)
    expect((await remove('acmeAdmin', tenants.globex, foreignId)).status).toBe(404)
    expect((await remove('acmeAdmin', tenants.acme, created.id)).status).toBe(204)
    expect((await remove('acmeAdmin', tenants.acme, created.id)).status).toBe(404)
    const audits = await withService(db, (tx) =>
      tx.query<{ action: string }>('select action from public.audit_logs where target_id = $1 order by id', [created.id]),
    )
    expect(audits.map((row) => row.action)).toEqual(['knowledge.add', 'knowledge.delete'])
  })
})
