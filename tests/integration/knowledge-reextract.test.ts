import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as reextractRoute } from '@/app/api/admin/tenants/[id]/knowledge/[knowledgeId]/reextract/route'
import { POST as postRoute } from '@/app/api/admin/tenants/[id]/knowledge/route'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { setDatabaseForTests, withService } from '@/lib/db'
import type { WorkerPool } from '@/lib/ingest/worker/pool'
import { JobRunner } from '@/lib/multi-tenant/knowledge/jobs'
import { addMember, apiRequest, createTenant, createUser, loginCookie, TEST_ORIGIN } from '../support/auth'
import { sampleProse } from '../support/fixtures'
import { runJobs, storageBalance, testPool, type JobBody, type UploadBody } from '../support/jobs'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase
let pool: WorkerPool
const tenants = { acme: '', globex: '' }
const people = { acmeAdmin: { id: '', cookie: '' }, acmeUser: { id: '', cookie: '' }, globexAdmin: { id: '', cookie: '' } }
type Who = keyof typeof people

const base = (tenantId: string) => `/api/admin/tenants/${tenantId}/knowledge`

/** The offline embedder's vectors, held back until `release()`: the job waits between extraction and its commit. */
class GatedEmbedder implements EmbeddingProvider {
  readonly model = new LocalEmbedder().model
  readonly dimensions = 1536
  private readonly local = new LocalEmbedder()
  private open!: () => void
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve))
  reached!: Promise<void>
  private arrive!: () => void
  constructor() {
    this.reached = new Promise<void>((resolve) => (this.arrive = resolve))
  }
  async embed(texts: string[]): Promise<number[][]> {
    this.arrive()
    await this.gate
    return this.local.embed(texts)
  }
  release(): void {
    this.open()
  }
}

async function uploadDocument(fileName: string, text: string): Promise<string> {
  const form = new FormData()
  form.append('files', new File([text], fileName))
  const request = new Request(`${TEST_ORIGIN}${base(tenants.acme)}`, {
    method: 'POST',
    headers: { cookie: people.acmeAdmin.cookie, origin: TEST_ORIGIN },
    body: form,
  })
  const response = await postRoute(request, { params: Promise.resolve({ id: tenants.acme }) })
  const [entry] = ((await response.json()) as UploadBody).jobs
  await runJobs(db, pool)
  const [row] = await withService(db, (tx) =>
    tx.query<{ document_id: string }>('select document_id from public.knowledge_jobs where id = $1', [entry?.id]),
  )
  return row?.document_id as string
}

function reextract(who: Who, tenantId: string, knowledgeId: string) {
  return reextractRoute(apiRequest(`${base(tenantId)}/${knowledgeId}/reextract`, { method: 'POST', cookie: people[who].cookie }), {
    params: Promise.resolve({ id: tenantId, knowledgeId }),
  })
}

async function accepted(knowledgeId: string): Promise<JobBody['job']> {
  const response = await reextract('acmeAdmin', tenants.acme, knowledgeId)
  expect(response.status).toBe(202)
  return ((await response.json()) as JobBody).job
}

async function jobRow(id: string) {
  const [row] = await withService(db, (tx) =>
    tx.query<{ status: string; error_code: string | null; document_id: string | null }>(
      'select status, error_code, document_id from public.knowledge_jobs where id = $1',
      [id],
    ),
  )
  return row
}

async function stored(knowledgeId: string) {
  return withService(db, async (tx) => {
    const [document] = await tx.query<{ content: string; chunk_count: number }>(
      'select content, chunk_count from public.tenant_knowledge where id = $1',
      [knowledgeId],
    )
    const chunks = await tx.query<{ content: string }>(
      'select content from public.tenant_knowledge_chunks where knowledge_id = $1 order by chunk_index',
      [knowledgeId],
    )
    const originals = await tx.query('select id from public.tenant_knowledge_originals where knowledge_id = $1', [knowledgeId])
    return {
      content: document?.content,
      chunkCount: document?.chunk_count,
      chunks: chunks.map((row) => row.content),
      originals: originals.length,
    }
  })
}

/** What an older extractor might have left: other text and a single passage. */
async function ageDocument(knowledgeId: string): Promise<void> {
  await withService(db, async (tx) => {
    await tx.query("update public.tenant_knowledge set content = 'Old extraction.', chunk_count = 1 where id = $1", [knowledgeId])
    await tx.query('delete from public.tenant_knowledge_chunks where knowledge_id = $1', [knowledgeId])
    await tx.query(
      `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding_model)
       values ($1, $2, 0, 'Old passage.', 'local-hash-v1')`,
      [tenants.acme, knowledgeId],
    )
  })
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  pool = testPool()
  tenants.acme = (await createTenant(db, { slug: 're-acme' })).id
  tenants.globex = (await createTenant(db, { slug: 're-globex' })).id
  const roles: [Who, string, 'admin' | 'user'][] = [
    ['acmeAdmin', tenants.acme, 'admin'],
    ['acmeUser', tenants.acme, 'user'],
    ['globexAdmin', tenants.globex, 'admin'],
  ]
  for (const [who, tenantId, role] of roles) {
    const user = await createUser(db, { email: `re-${who.toLowerCase()}@example.com` })
    await addMember(db, tenantId, user.userId, role)
    people[who] = { id: user.userId, cookie: await loginCookie(db, user.userId) }
  }
})
afterAll(async () => {
  await pool.close()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('re-extracting a document from its stored original', () => {
  it('keeps the old text and chunks readable while the job works, then replaces them all at once when it is done', async () => {
    const text = `# Travel policy\n\n${sampleProse(400, 41)}\n\n## Per diem\n\n${sampleProse(300, 42)}`
    const id = await uploadDocument('travel.md', text)
    const fresh = await stored(id)
    await ageDocument(id)

    const job = await accepted(id)
    expect(job).toMatchObject({ kind: 'reextract', status: 'queued', fileName: 'travel.md' })
    const embedder = new GatedEmbedder()
    const running = new JobRunner({ db, pool, embedder }).runUntilIdle()
    await embedder.reached
    expect(await stored(id)).toMatchObject({ content: 'Old extraction.', chunks: ['Old passage.'] })
    embedder.release()
    await running

    expect(await jobRow(job.id)).toMatchObject({ status: 'done', document_id: id })
    expect(await stored(id)).toEqual({ ...fresh, originals: 1 })
    expect(fresh.chunks.length).toBeGreaterThan(1)
  })

  it('counts the change of size in the tenant storage exactly and records who re-extracted what in the audit log', async () => {
    const id = await uploadDocument('rates.md', `# Rates\n\n${sampleProse(200, 43)}`)
    await ageDocument(id)
    const job = await accepted(id)
    await runJobs(db, pool)
    expect((await jobRow(job.id))?.status).toBe('done')
    const balance = await storageBalance(db, tenants.acme)
    expect(balance.counted).toBe(balance.stored)
    const audits = await withService(db, (tx) =>
      tx.query<{ action: string; actor_id: string; before: { chunkCount: number }; after: { chunkCount: number } }>(
        "select action, actor_id, before, after from public.audit_logs where target_id = $1 and action = 'knowledge.reextract'",
        [id],
      ),
    )
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ actor_id: people.acmeAdmin.id, before: { chunkCount: 1 } })
    expect(audits[0]?.after.chunkCount).toBe((await stored(id)).chunks.length)
  })

  it('fails the job and leaves the document and its original as they were when the original can no longer be read', async () => {
    const id = await uploadDocument('manual.md', `# Manual\n\n${sampleProse(150, 44)}`)
    const before = await stored(id)
    await withService(db, (tx) =>
      tx.query("update public.tenant_knowledge_originals set content = '\\x0041ff00fe'::bytea where knowledge_id = $1", [id]),
    )
    const job = await accepted(id)
    await runJobs(db, pool)
    expect(await jobRow(job.id)).toMatchObject({ status: 'failed', error_code: 'unsupported_media_type' })
    expect(await stored(id)).toEqual(before)
  })

  it('joins a re-extraction of the same document already queued instead of starting a second one', async () => {
    const id = await uploadDocument('faq.md', `# FAQ\n\n${sampleProse(120, 45)}`)
    const first = await accepted(id)
    const second = await accepted(id)
    expect(second.id).toBe(first.id)
    await runJobs(db, pool)
  })

  it('answers 404 for a document added as text, 404 for another tenant, 403 for a member who is not an admin', async () => {
    const created = await postRoute(
      apiRequest(base(tenants.acme), {
        cookie: people.acmeAdmin.cookie,
        body: { title: 'Typed in', content: sampleProse(60, 46) },
      }),
      { params: Promise.resolve({ id: tenants.acme }) },
    )
    const typed = ((await created.json()) as { id: string }).id
    expect((await reextract('acmeAdmin', tenants.acme, typed)).status).toBe(404)
    const uploaded = await uploadDocument('private.md', `# Private\n\n${sampleProse(60, 47)}`)
    expect((await reextract('globexAdmin', tenants.globex, uploaded)).status).toBe(404)
    expect((await reextract('globexAdmin', tenants.acme, uploaded)).status).toBe(404)
    expect((await reextract('acmeUser', tenants.acme, uploaded)).status).toBe(403)
    expect((await reextract('acmeAdmin', tenants.acme, 'not-a-uuid')).status).toBe(404)
  })
})
