import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as originalRoute } from '@/app/api/admin/tenants/[id]/knowledge/[knowledgeId]/original/route'
import { POST as reextractRoute } from '@/app/api/admin/tenants/[id]/knowledge/[knowledgeId]/reextract/route'
import { DELETE as deleteRoute, GET as documentRoute } from '@/app/api/admin/tenants/[id]/knowledge/[knowledgeId]/route'
import { GET as indexRoute } from '@/app/api/admin/tenants/[id]/knowledge/index/route'
import { GET as jobRoute } from '@/app/api/admin/tenants/[id]/knowledge/jobs/[jobId]/route'
import { GET as jobsRoute } from '@/app/api/admin/tenants/[id]/knowledge/jobs/route'
import { POST as reindexRoute } from '@/app/api/admin/tenants/[id]/knowledge/reindex/route'
import { GET as listRoute, POST as postRoute } from '@/app/api/admin/tenants/[id]/knowledge/route'
import { POST as searchRoute } from '@/app/api/tenant/[slug]/knowledge/search/route'
import { errorBodySchema } from '@/lib/contracts/errors'
import {
  knowledgeCreatedResponseSchema,
  knowledgeDocumentResponseSchema,
  knowledgeListResponseSchema,
  knowledgeSearchResponseSchema,
  originalFileHeadersSchema,
} from '@/lib/contracts/knowledge'
import {
  indexStateResponseSchema,
  jobListResponseSchema,
  jobResponseSchema,
  uploadAcceptedResponseSchema,
} from '@/lib/contracts/knowledge-jobs'
import { setDatabaseForTests } from '@/lib/db'
import type { WorkerPool } from '@/lib/ingest/worker/pool'
import { apiRequest, loginCookie, TEST_ORIGIN } from '../support/auth'
import { sampleProse } from '../support/fixtures'
import { runJobs, testPool } from '../support/jobs'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld } from './admin-world'
import { answer, expectContract, expectNoContent, read, type Reply } from '../support/route-calls'

/* Every knowledge route, called for real; each answer must parse by its contract. */

let db: TestDatabase
let pool: WorkerPool
let world: AdminWorld
let id: string
let base: string
const cookies = { admin: '', user: '', viewer: '', outsider: '' }

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  pool = testPool()
  world = await buildAdminWorld(db, 'ck')
  id = world.home.id
  base = `/api/admin/tenants/${id}/knowledge`
  cookies.admin = await loginCookie(db, world.home.admin.userId)
  cookies.user = await loginCookie(db, world.home.user.userId)
  cookies.viewer = await loginCookie(db, world.home.viewer.userId)
  cookies.outsider = await loginCookie(db, world.other.admin.userId)
})
afterAll(async () => {
  await pool.close()
  setDatabaseForTests(undefined)
  await db.close()
})

async function upload(files: [string, string][]): Promise<Reply> {
  const form = new FormData()
  for (const [name, text] of files) form.append('files', new File([text], name))
  const request = new Request(`${TEST_ORIGIN}${base}`, {
    method: 'POST',
    headers: { cookie: cookies.admin, origin: TEST_ORIGIN },
    body: form,
  })
  return read(await postRoute(request, { params: Promise.resolve({ id }) }))
}

/** Uploads a Markdown file, runs its job and answers the document it made. */
async function uploadedDocument(): Promise<string> {
  const accepted = expectContract(uploadAcceptedResponseSchema, await upload([['guide.md', sampleProse(120, 4)]]), 202)
  const jobId = accepted.jobs[0]?.id as string
  await runJobs(db, pool)
  const job = expectContract(
    jobResponseSchema,
    await answer(jobRoute, { id, jobId }, `${base}/jobs/${jobId}`, { cookie: cookies.admin }),
    200,
  )
  expect(job.job.status).toBe('done')
  return job.job.documentId as string
}

const note = {
  title: 'Opening hours',
  content: 'We are open from nine to five on weekdays and closed on public holidays.',
  tags: ['hours'],
}

describe('document routes answer by the knowledge contract', () => {
  it('POST JSON answers the created document (201), a repeat of its text the one error shape (409)', async () => {
    const created = await answer(postRoute, { id }, base, { method: 'POST', cookie: cookies.admin, body: note })
    expectContract(knowledgeCreatedResponseSchema, created, 201)
    const repeat = await answer(postRoute, { id }, base, { method: 'POST', cookie: cookies.admin, body: { ...note, title: 'Again' } })
    expectContract(errorBodySchema, repeat, 409)
  })

  it('GET the list answers a page with total and storage; a bad page size is the one error shape (400)', async () => {
    const page = expectContract(
      knowledgeListResponseSchema,
      await answer(listRoute, { id }, `${base}?pageSize=5`, { cookie: cookies.admin }),
      200,
    )
    expect(page).toMatchObject({ total: page.items.length, page: 1, pageSize: 5 })
    expect(page.storage.usedBytes).toBeGreaterThan(0)
    expect(page.items.map((item) => item.title)).toContain('Opening hours')
    expectContract(errorBodySchema, await answer(listRoute, { id }, `${base}?pageSize=0`, { cookie: cookies.admin }), 400)
  })

  it('GET and DELETE one document answer the document with its text and 204; an unknown id is the one error shape (404)', async () => {
    const created = await answer(postRoute, { id }, base, {
      method: 'POST',
      cookie: cookies.admin,
      body: { title: 'Parking', content: 'Guests park for free behind the building.' },
    })
    const knowledgeId = expectContract(knowledgeCreatedResponseSchema, created, 201).id
    const path = `${base}/${knowledgeId}`
    const shown = expectContract(
      knowledgeDocumentResponseSchema,
      await answer(documentRoute, { id, knowledgeId }, path, { cookie: cookies.admin }),
      200,
    )
    expect(shown.document).toMatchObject({ title: 'Parking', filename: null, sourceType: 'text' })
    expectNoContent(await answer(deleteRoute, { id, knowledgeId }, path, { method: 'DELETE', cookie: cookies.admin }))
    expectContract(errorBodySchema, await answer(documentRoute, { id, knowledgeId }, path, { cookie: cookies.admin }), 404)
    expectContract(errorBodySchema, await answer(deleteRoute, { id, knowledgeId }, path, { method: 'DELETE', cookie: cookies.admin }), 404)
  })
})

describe('upload and job routes answer by the knowledge jobs contract', () => {
  it('a multipart POST answers a job per file (202), a refused file among them with id null; a lone refused file is the one error shape', async () => {
    const accepted = expectContract(
      uploadAcceptedResponseSchema,
      await upload([
        ['notes.md', sampleProse(80, 7)],
        ['tool.exe', 'MZ'],
      ]),
      202,
    )
    expect(accepted.jobs.map((job) => [job.fileName, job.id === null])).toEqual([
      ['notes.md', false],
      ['tool.exe', true],
    ])
    expectContract(errorBodySchema, await upload([['tool.exe', 'MZ']]), 415)
  })

  it('GET jobs and GET a job answer by the job contract, as JSON and as the first server-sent event; bad input is the one error shape', async () => {
    const listed = expectContract(
      jobListResponseSchema,
      await answer(jobsRoute, { id }, `${base}/jobs?limit=10`, { cookie: cookies.admin }),
      200,
    )
    const jobId = listed.jobs[0]?.id as string
    expectContract(jobResponseSchema, await answer(jobRoute, { id, jobId }, `${base}/jobs/${jobId}`, { cookie: cookies.admin }), 200)
    expectContract(errorBodySchema, await answer(jobsRoute, { id }, `${base}/jobs?limit=0`, { cookie: cookies.admin }), 400)
    const unknown = '00000000-0000-4000-8000-000000000000'
    expectContract(
      errorBodySchema,
      await answer(jobRoute, { id, jobId: unknown }, `${base}/jobs/${unknown}`, { cookie: cookies.admin }),
      404,
    )

    const controller = new AbortController()
    const request = new Request(`${TEST_ORIGIN}${base}/jobs`, {
      headers: { cookie: cookies.admin, origin: TEST_ORIGIN, accept: 'text/event-stream' },
      signal: controller.signal,
    })
    const stream = await jobsRoute(request, { params: Promise.resolve({ id }) })
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    controller.abort()
    await reader.cancel()
    const data = /^event: jobs\ndata: (.*)\n\n$/.exec(first)?.[1] ?? 'null'
    expectContract(jobListResponseSchema, { status: stream.status, body: JSON.parse(data) }, 200)
  })

  it('GET original answers the file with the download headers; a document added as text is the one error shape (404)', async () => {
    const knowledgeId = await uploadedDocument()
    const response = await originalRoute(apiRequest(`${base}/${knowledgeId}/original`, { cookie: cookies.admin }), {
      params: Promise.resolve({ id, knowledgeId }),
    })
    expect(response.status).toBe(200)
    const headers = originalFileHeadersSchema.safeParse(Object.fromEntries(response.headers))
    expect(headers.success ? null : headers.error.issues).toBeNull()
    expect(response.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''guide.md")
    const page = knowledgeListResponseSchema.parse((await answer(listRoute, { id }, `${base}?q=Opening`, { cookie: cookies.admin })).body)
    const textId = page.items[0]?.id as string
    const refused = await answer(originalRoute, { id, knowledgeId: textId }, `${base}/${textId}/original`, { cookie: cookies.admin })
    expectContract(errorBodySchema, refused, 404)
  })

  it('POST reextract answers its job (202); a document added as text is the one error shape (404)', async () => {
    const knowledgeId = await uploadedDocument()
    const path = `${base}/${knowledgeId}/reextract`
    const started = expectContract(
      jobResponseSchema,
      await answer(reextractRoute, { id, knowledgeId }, path, { method: 'POST', cookie: cookies.admin }),
      202,
    )
    expect(started.job).toMatchObject({ kind: 'reextract', status: 'queued' })
    const page = knowledgeListResponseSchema.parse((await answer(listRoute, { id }, `${base}?q=Opening`, { cookie: cookies.admin })).body)
    const textId = page.items[0]?.id as string
    const refused = await answer(reextractRoute, { id, knowledgeId: textId }, `${base}/${textId}/reextract`, {
      method: 'POST',
      cookie: cookies.admin,
    })
    expectContract(errorBodySchema, refused, 404)
  })

  it('GET index answers the index state and POST reindex its job (202); a member who is not an admin gets the one error shape (403)', async () => {
    const state = expectContract(
      indexStateResponseSchema,
      await answer(indexRoute, { id }, `${base}/index`, { cookie: cookies.admin }),
      200,
    )
    expect(state.chunks).toBeGreaterThan(0)
    const started = expectContract(
      jobResponseSchema,
      await answer(reindexRoute, { id }, `${base}/reindex`, { method: 'POST', cookie: cookies.admin }),
      202,
    )
    expect(started.job.kind).toBe('reindex')
    expectContract(indexStateResponseSchema, await answer(indexRoute, { id }, `${base}/index`, { cookie: cookies.admin }), 200)
    expectContract(errorBodySchema, await answer(indexRoute, { id }, `${base}/index`, { cookie: cookies.user }), 403)
    expectContract(errorBodySchema, await answer(reindexRoute, { id }, `${base}/reindex`, { method: 'POST', cookie: cookies.user }), 403)
    expectContract(
      errorBodySchema,
      await answer(reindexRoute, { id }, `${base}/reindex`, { method: 'POST', cookie: cookies.outsider }),
      404,
    )
  })
})

describe("a member's search answers by the knowledge contract", () => {
  it('POST search answers its results to a member; an empty query (400) and an outsider (404) get the one error shape', async () => {
    const slug = world.home.slug
    const path = `/api/tenant/${slug}/knowledge/search`
    const found = await answer(searchRoute, { slug }, path, {
      method: 'POST',
      cookie: cookies.viewer,
      body: { query: 'opening hours on weekdays' },
    })
    const { results } = expectContract(knowledgeSearchResponseSchema, found, 200)
    expect(results[0]?.title).toBe('Opening hours')
    expectContract(
      errorBodySchema,
      await answer(searchRoute, { slug }, path, { method: 'POST', cookie: cookies.viewer, body: { query: ' ' } }),
      400,
    )
    expectContract(
      errorBodySchema,
      await answer(searchRoute, { slug }, path, { method: 'POST', cookie: cookies.outsider, body: { query: 'hours' } }),
      404,
    )
  })
})
