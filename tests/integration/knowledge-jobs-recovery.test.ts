import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as indexRoute } from '@/app/api/admin/tenants/[id]/knowledge/index/route'
import { POST as reindexRoute } from '@/app/api/admin/tenants/[id]/knowledge/reindex/route'
import type { EmbeddingProvider } from '@/lib/ai/embeddings'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import type { KnowledgeJob } from '@/lib/contracts/knowledge-jobs'
import { setDatabaseForTests, withService, withUser, type Claims } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access/caller'
import type { WorkerPool } from '@/lib/ingest/worker/pool'
import { enqueueStaleReindexes, JobRunner, knowledgeIndexState, uploadFiles } from '@/lib/multi-tenant/knowledge/jobs'
import { runIngestJob } from '@/lib/multi-tenant/knowledge/jobs/ingest-job'
import { claimJob, expireLeases, type JobRow } from '@/lib/multi-tenant/knowledge/jobs/job-store'
import { LostJob } from '@/lib/multi-tenant/knowledge/jobs/lost-job'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, apiRequest, createTenant, createUser, loginCookie } from '../support/auth'
import { sampleProse } from '../support/fixtures'
import { runJobs, storageBalance, testPool, fillStorage } from '../support/jobs'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase
let pool: WorkerPool

/** The offline embedder's vectors under another model's name, called the way a remote embedder is. */
class SwitchedEmbedder implements EmbeddingProvider {
  readonly model = 'switched-embedder-v2'
  readonly dimensions = 1536
  private readonly local = new LocalEmbedder()
  embed(texts: string[]): Promise<number[][]> {
    return this.local.embed(texts)
  }
}

async function tenantWithAdmin(slug: string, storageMb: number | null = null): Promise<{ id: string; claims: Claims; cookie: string }> {
  const { id } = await createTenant(db, { slug, limits: { conversationsPerMonth: null, tokensPerMonth: null, storageMb, members: null } })
  const user = await createUser(db, { email: `${slug}@example.com` })
  await addMember(db, id, user.userId, 'admin')
  return { id, claims: { sub: user.userId, role: 'authenticated' }, cookie: await loginCookie(db, user.userId) }
}

function form(files: [string, string][]) {
  return { files: files.map(([name, text]) => new File([text], name)), fields: { category: null, tags: [], elemental_tags: [] } }
}

async function jobsOf(tenantId: string): Promise<{ id: string; status: string; attempts: number; error_code: string | null }[]> {
  return withService(db, (tx) =>
    tx.query('select id, status, attempts, error_code from public.knowledge_jobs where tenant_id = $1 order by created_at, file_name', [
      tenantId,
    ]),
  )
}

async function counts(tenantId: string): Promise<{ documents: number; chunks: number; originals: number }> {
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
  pool = testPool()
})
afterAll(async () => {
  await pool.close()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('a crash in the middle of a job', () => {
  it('resumes a job whose runner died after claiming it: every file ends done, nothing is stored twice, storage is exact', async () => {
    const tenant = await tenantWithAdmin('crash-resume')
    const files: [string, string][] = Array.from({ length: 5 }, (_, i) => [`note-${i}.md`, `# Note ${i}\n\n${sampleProse(120, 40 + i)}`])
    await uploadFiles(actingAs(db, tenant.claims), tenant.id, form(files), { pool, db })
    // A runner takes two jobs and dies before finishing them (kill -9: no cleanup).
    const taken = [await withService(db, claimJob), await withService(db, claimJob)]
    expect(taken.map((job) => job?.status)).toEqual(['extracting', 'extracting'])
    expect((await counts(tenant.id)).documents).toBe(0)
    // The next start of the embedded database's only process ends the dead runner's leases.
    await withService(db, expireLeases)
    await runJobs(db, pool)
    const jobs = await jobsOf(tenant.id)
    expect(jobs.map((job) => job.status)).toEqual(['done', 'done', 'done', 'done', 'done'])
    expect(jobs.filter((job) => job.attempts === 2)).toHaveLength(2)
    expect(await counts(tenant.id)).toMatchObject({ documents: 5, originals: 5 })
    const balance = await storageBalance(db, tenant.id)
    expect(balance.counted).toBe(balance.stored)
  })

  it('fails a job cleanly, giving back its storage, when the server died on its last attempt', async () => {
    const tenant = await tenantWithAdmin('crash-last')
    await uploadFiles(actingAs(db, tenant.claims), tenant.id, form([['doomed.md', sampleProse(80, 50)]]), { pool, db })
    await withService(db, (tx) => tx.query('update public.knowledge_jobs set max_attempts = 1 where tenant_id = $1', [tenant.id]))
    await withService(db, claimJob)
    await withService(db, expireLeases)
    await runJobs(db, pool)
    expect(await jobsOf(tenant.id)).toMatchObject([{ status: 'failed', error_code: 'unavailable' }])
    expect(await counts(tenant.id)).toEqual({ documents: 0, chunks: 0, originals: 0 })
    const balance = await storageBalance(db, tenant.id)
    expect(balance).toEqual({ counted: 0, stored: 0 })
  })

  it('drops the work of a runner that comes back after its job was taken over, writing nothing', async () => {
    const tenant = await tenantWithAdmin('crash-late')
    await uploadFiles(actingAs(db, tenant.claims), tenant.id, form([['late.md', sampleProse(80, 60)]]), { pool, db })
    const stale = (await withService(db, claimJob)) as JobRow
    await withService(db, expireLeases)
    await runJobs(db, pool)
    const after = await counts(tenant.id)
    const runner = new JobRunner({ db, pool })
    await expect(runIngestJob(runner.context, stale)).rejects.toBeInstanceOf(LostJob)
    expect(await counts(tenant.id)).toEqual(after)
  })

  it('rolls the whole document back when storage fills up at commit: the job fails with 413, no document, no chunk', async () => {
    const text = sampleProse(400, 70)
    // Room for the original (checked at upload) but not for original and text together (checked at commit):
    // limits are whole megabytes, so the tenant's 1 MB is already full but for 1.5 times the text.
    const tenant = await tenantWithAdmin('commit-full', 1)
    const prefilled = 1024 * 1024 - Math.floor(Buffer.byteLength(text) * 1.5)
    await fillStorage(db, tenant.id, prefilled)
    await uploadFiles(actingAs(db, tenant.claims), tenant.id, form([['big.txt', text]]), { pool, db })
    await runJobs(db, pool)
    expect(await jobsOf(tenant.id)).toMatchObject([{ status: 'failed', error_code: 'storage_full' }])
    expect(await counts(tenant.id)).toEqual({ documents: 0, chunks: 0, originals: 0 })
    expect(await storageBalance(db, tenant.id)).toEqual({ counted: prefilled, stored: 0 })
  })
})

describe('switching the embedding model', () => {
  it('keeps search working by words, re-embeds in the background with progress, then finds by vector again', async () => {
    const tenant = await tenantWithAdmin('model-switch')
    const files: [string, string][] = [
      ['refunds.md', '# Refunds\n\nCustomers get their money back within fourteen days when the invoice is disputed.'],
      ['shipping.md', '# Shipping\n\nParcels leave the warehouse every weekday afternoon by courier.'],
    ]
    await uploadFiles(actingAs(db, tenant.claims), tenant.id, form(files), { pool, db })
    await runJobs(db, pool)
    const switched = new SwitchedEmbedder()
    const search = () =>
      withUser(db, tenant.claims, (tx) =>
        new TenantKnowledgeBase(tenant.id, tx, { embedder: switched }).search('money back for a disputed invoice'),
      )

    const before = await search()
    expect(before[0]?.title).toBe('Refunds')
    expect(before.every((hit) => hit.similarity === 0)).toBe(true)
    const pending = await knowledgeIndexState(actingAs(db, tenant.claims), tenant.id, switched.model)
    expect(pending).toMatchObject({ model: switched.model, chunks: 2, pendingChunks: 2 })

    expect(await enqueueStaleReindexes(db, switched.model)).toBeGreaterThanOrEqual(1)
    await runJobs(db, pool, switched)
    const after = await knowledgeIndexState(actingAs(db, tenant.claims), tenant.id, switched.model)
    expect(after).toMatchObject({ chunks: 2, pendingChunks: 0, job: { kind: 'reindex', status: 'done', progress: 100 } })
    const found = await search()
    expect(found[0]?.title).toBe('Refunds')
    expect(found[0]?.similarity).toBeGreaterThan(0.2)
  })

  it('answers POST .../knowledge/reindex with 202 and joins a re-embedding already queued; GET .../knowledge/index counts chunks', async () => {
    const tenant = await tenantWithAdmin('reindex-route')
    const context = { params: Promise.resolve({ id: tenant.id }) }
    const call = () =>
      reindexRoute(apiRequest(`/api/admin/tenants/${tenant.id}/knowledge/reindex`, { method: 'POST', cookie: tenant.cookie }), context)
    const first = await call()
    expect(first.status).toBe(202)
    const { job } = (await first.json()) as { job: KnowledgeJob }
    expect(job).toMatchObject({ kind: 'reindex', status: 'queued' })
    expect(((await (await call()).json()) as { job: KnowledgeJob }).job.id).toBe(job.id)
    const index = await indexRoute(apiRequest(`/api/admin/tenants/${tenant.id}/knowledge/index`, { cookie: tenant.cookie }), context)
    expect(await index.json()).toMatchObject({ chunks: 0, pendingChunks: 0, job: { id: job.id } })
    await runJobs(db, pool)
  })
})
