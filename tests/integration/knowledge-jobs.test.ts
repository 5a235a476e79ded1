import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as originalRoute } from '@/app/api/admin/tenants/[id]/knowledge/[knowledgeId]/original/route'
import { GET as jobRoute } from '@/app/api/admin/tenants/[id]/knowledge/jobs/[jobId]/route'
import { GET as jobsRoute } from '@/app/api/admin/tenants/[id]/knowledge/jobs/route'
import { POST as postRoute } from '@/app/api/admin/tenants/[id]/knowledge/route'
import { SseParser, type SseEvent } from '@/lib/client/sse'
import { setDatabaseForTests, withService } from '@/lib/db'
import type { WorkerPool } from '@/lib/ingest/worker/pool'
import { addMember, apiRequest, createTenant, createUser, loginCookie, TEST_ORIGIN } from '../support/auth'
import { makeDocxBomb, makePdfBomb } from '../support/bombs'
import { makeZip } from '../support/zip'
import { makeDocx, makePdf, sampleProse } from '../support/fixtures'
import { runJobs, storageBalance, testPool, type JobBody, type UploadBody } from '../support/jobs'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase
let pool: WorkerPool
const tenants = { acme: '', globex: '' }
const cookies = { acmeAdmin: '', acmeUser: '', globexAdmin: '' }
type Who = keyof typeof cookies

const base = (tenantId: string) => `/api/admin/tenants/${tenantId}/knowledge`

function upload(who: Who, tenantId: string, files: [string, Uint8Array | string][]) {
  const form = new FormData()
  for (const [name, content] of files)
    form.append('files', new File([typeof content === 'string' ? content : new Uint8Array(content)], name))
  const request = new Request(`${TEST_ORIGIN}${base(tenantId)}`, {
    method: 'POST',
    headers: { cookie: cookies[who], origin: TEST_ORIGIN },
    body: form,
  })
  return postRoute(request, { params: Promise.resolve({ id: tenantId }) })
}

async function accepted(who: Who, tenantId: string, files: [string, Uint8Array | string][]): Promise<UploadBody['jobs']> {
  const response = await upload(who, tenantId, files)
  expect(response.status).toBe(202)
  return ((await response.json()) as UploadBody).jobs
}

async function job(who: Who, tenantId: string, jobId: string) {
  const response = await jobRoute(apiRequest(`${base(tenantId)}/jobs/${jobId}`, { cookie: cookies[who] }), {
    params: Promise.resolve({ id: tenantId, jobId }),
  })
  return { status: response.status, body: (await response.json()) as JobBody }
}

async function finished(tenantId: string, jobId: string | null) {
  if (!jobId) throw new Error('the file was refused at upload')
  await runJobs(db, pool)
  return (await job('acmeAdmin', tenantId, jobId)).body.job
}

async function documentCount(tenantId: string): Promise<{ documents: number; chunks: number; originals: number }> {
  const [row] = await withService(db, (tx) =>
    tx.query<{ documents: number; chunks: number; originals: number }>(
      `select (select count(*)::int from public.tenant_knowledge where tenant_id = $1) as documents,
              (select count(*)::int from public.tenant_knowledge_chunks where tenant_id = $1) as chunks,
              (select count(*)::int from public.tenant_knowledge_originals where tenant_id = $1) as originals`,
      [tenantId],
    ),
  )
  return row as { documents: number; chunks: number; originals: number }
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  pool = testPool({ memoryMb: 192 })
  tenants.acme = (await createTenant(db, { slug: 'kj-acme' })).id
  tenants.globex = (await createTenant(db, { slug: 'kj-globex' })).id
  const people: [Who, string, 'admin' | 'user'][] = [
    ['acmeAdmin', tenants.acme, 'admin'],
    ['acmeUser', tenants.acme, 'user'],
    ['globexAdmin', tenants.globex, 'admin'],
  ]
  for (const [who, tenantId, role] of people) {
    const user = await createUser(db, { email: `kj-${who.toLowerCase()}@example.com` })
    await addMember(db, tenantId, user.userId, role)
    cookies[who] = await loginCookie(db, user.userId)
  }
})
afterAll(async () => {
  await pool.close()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('an upload becomes background jobs', () => {
  it('answers 202 with a queued job per file, and each job ends done with its document, progress 100', async () => {
    const pdf = await makePdf([sampleProse(200, 3), sampleProse(200, 4)])
    const docx = await makeDocx([{ heading: true, text: 'Returns policy' }, { text: sampleProse(120, 5) }])
    const jobs = await accepted('acmeAdmin', tenants.acme, [
      ['hours.md', '# Opening hours\n\nWe open at nine.'],
      ['report.pdf', pdf],
      ['returns.docx', docx],
    ])
    expect(jobs.map((entry) => [entry.fileName, entry.status])).toEqual([
      ['hours.md', 'queued'],
      ['report.pdf', 'queued'],
      ['returns.docx', 'queued'],
    ])
    await runJobs(db, pool)
    for (const entry of jobs) {
      const { body } = await job('acmeAdmin', tenants.acme, entry.id as string)
      expect(body.job).toMatchObject({ status: 'done', progress: 100, fileName: entry.fileName })
      expect(body.job.documentId).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('lets a tenant admin download the original bytes of a document made from a file', async () => {
    const bytes = await makePdf([sampleProse(150, 9)])
    const [entry] = await accepted('acmeAdmin', tenants.acme, [['original.pdf', bytes]])
    const { documentId } = await finished(tenants.acme, entry?.id ?? null)
    const context = { params: Promise.resolve({ id: tenants.acme, knowledgeId: documentId as string }) }
    const response = await originalRoute(apiRequest(`${base(tenants.acme)}/${documentId}/original`, { cookie: cookies.acmeAdmin }), context)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)
    const asUser = await originalRoute(apiRequest(`${base(tenants.acme)}/${documentId}/original`, { cookie: cookies.acmeUser }), context)
    expect(asUser.status).toBe(403)
  })

  it('reports a file with the same text as a stored document as a duplicate of it, storing nothing twice', async () => {
    const text = `# Loyalty scheme\n\n${sampleProse(80, 11)}`
    const [first] = await accepted('acmeAdmin', tenants.acme, [['loyalty.md', text]])
    const original = await finished(tenants.acme, first?.id ?? null)
    const before = await documentCount(tenants.acme)
    const [again] = await accepted('acmeAdmin', tenants.acme, [['loyalty-copy.txt', text.replace(/\n\n/g, '\n\n\n')]])
    const repeat = await finished(tenants.acme, again?.id ?? null)
    expect(repeat).toMatchObject({ status: 'done', duplicate: true, documentId: original.documentId })
    expect(await documentCount(tenants.acme)).toEqual(before)
    const balance = await storageBalance(db, tenants.acme)
    expect(balance.counted).toBe(balance.stored)
  })

  it('imports a .zip of documents as one job per document inside it', async () => {
    const zip = makeZip([
      { name: 'handbook/intro.md', data: Buffer.from(`# Intro\n\n${sampleProse(60, 21)}`) },
      { name: 'handbook/faq.txt', data: Buffer.from(sampleProse(60, 22)) },
      { name: '__MACOSX/handbook/._intro.md', data: Buffer.from('resource fork') },
    ])
    const jobs = await accepted('acmeAdmin', tenants.acme, [['handbook.zip', zip]])
    expect(jobs.map((entry) => entry.fileName)).toEqual(['handbook/intro.md', 'handbook/faq.txt'])
    await runJobs(db, pool)
    for (const entry of jobs) expect((await job('acmeAdmin', tenants.acme, entry.id as string)).body.job.status).toBe('done')
  })

  it('streams the job list as server-sent events: the list first, then each change of a job as it happens', async () => {
    const abort = new AbortController()
    const request = new Request(`${TEST_ORIGIN}${base(tenants.acme)}/jobs`, {
      headers: { cookie: cookies.acmeAdmin, accept: 'text/event-stream' },
      signal: abort.signal,
    })
    const response = await jobsRoute(request, { params: Promise.resolve({ id: tenants.acme }) })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const parser = new SseParser()
    const decoder = new TextDecoder()
    const events: SseEvent[] = []
    const next = async (wanted: (event: SseEvent) => boolean) => {
      for (;;) {
        const found = events.find(wanted)
        if (found) return found
        const { value } = await reader.read()
        events.push(...parser.push(decoder.decode(value)))
      }
    }
    expect((await next((event) => event.event === 'jobs')).data).toContain('"jobs"')
    const [entry] = await accepted('acmeAdmin', tenants.acme, [['streamed.md', `# Streamed\n\n${sampleProse(50, 13)}`]])
    await runJobs(db, pool)
    const done = await next((event) => event.event === 'job' && event.data.includes(entry?.id as string) && event.data.includes('"done"'))
    expect(JSON.parse(done.data).job).toMatchObject({ id: entry?.id, status: 'done', progress: 100 })
    abort.abort()
    await reader.cancel()
  })

  it('shows jobs only to admins of their tenant: 403 for a member, 404 for another tenant', async () => {
    const [entry] = await accepted('acmeAdmin', tenants.acme, [['private.md', 'Only for acme admins.']])
    expect((await job('acmeUser', tenants.acme, entry?.id as string)).status).toBe(403)
    expect((await job('globexAdmin', tenants.globex, entry?.id as string)).status).toBe(404)
    const listed = await jobsRoute(apiRequest(`${base(tenants.globex)}/jobs`, { cookie: cookies.globexAdmin }), {
      params: Promise.resolve({ id: tenants.globex }),
    })
    expect(((await listed.json()) as { jobs: unknown[] }).jobs).toEqual([])
    await runJobs(db, pool)
  })
})

describe('hostile and broken files fail their job with a reason, and the server goes on', () => {
  it('refuses a Word document whose zip declares a part inflating to 100 MB (422), giving back its storage', async () => {
    const [entry] = await accepted('acmeAdmin', tenants.acme, [['bomb.docx', makeDocxBomb(100)]])
    const failed = await finished(tenants.acme, entry?.id ?? null)
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatchObject({ code: 'unprocessable' })
    expect(failed.error?.message).toMatch(/inflates to 100 MB, more than 64 MB/)
    const balance = await storageBalance(db, tenants.acme)
    expect(balance.counted).toBe(balance.stored)
  })

  it('refuses a Word document whose zip lies about the size of its part, while inflating it (422)', async () => {
    const [entry] = await accepted('acmeAdmin', tenants.acme, [['liar.docx', makeDocxBomb(40, true)]])
    const failed = await finished(tenants.acme, entry?.id ?? null)
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'unprocessable' } })
    expect(failed.error?.message).toMatch(/more than the 1 KB its directory declares/)
  })

  it('refuses a PDF whose page inflates into endless text operations (422), and the next file is read', async () => {
    const [bomb, next] = await accepted('acmeAdmin', tenants.acme, [
      ['bomb.pdf', await makePdfBomb(100)],
      ['after.md', `# After the bomb\n\n${sampleProse(40, 31)}`],
    ])
    await runJobs(db, pool)
    const failed = (await job('acmeAdmin', tenants.acme, bomb?.id as string)).body.job
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'unprocessable' } })
    expect(failed.error?.message).toMatch(/page 1 took longer than|more than/)
    expect((await job('acmeAdmin', tenants.acme, next?.id as string)).body.job.status).toBe('done')
  })

  it('answers a lone file whose content is not what its extension says with 415 at upload', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const response = await upload('acmeAdmin', tenants.acme, [['scan.pdf', png]])
    expect(response.status).toBe(415)
  })

  it('fails the job of binary data named .txt with 415 once its worker has looked at it', async () => {
    const [entry] = await accepted('acmeAdmin', tenants.acme, [
      ['notes.txt', new Uint8Array([0x41, 0, 0xff, 0xfe, 0x42])],
      ['fine.md', 'Fine text.'],
    ])
    const failed = await finished(tenants.acme, entry?.id ?? null)
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'unsupported_media_type' } })
  })

  it('answers a lone file over the per-file limit with 413 naming the limit', async () => {
    const response = await upload('acmeAdmin', tenants.acme, [['huge.txt', 'a'.repeat(21 * 1024 * 1024)]])
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/at most 20 MB/)
  })
})
