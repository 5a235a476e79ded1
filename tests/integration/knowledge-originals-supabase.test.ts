import { createClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_REALTIME } from '@/lib/auth/supabase/client'
import { setDatabaseForTests, withService, withUser, type Claims } from '@/lib/db'
import type { WorkerPool } from '@/lib/ingest/worker/pool'
import { actingAs } from '@/lib/multi-tenant/access/caller'
import { deleteKnowledge } from '@/lib/multi-tenant/knowledge/admin'
import { downloadOriginal, JobRunner, uploadFiles } from '@/lib/multi-tenant/knowledge/jobs'
import { SupabaseOriginals } from '@/lib/multi-tenant/knowledge/jobs/supabase-originals'
import { addMember, createTenant, createUser } from '../support/auth'
import { FakeSupabaseStorage } from '../support/fake-supabase-storage'
import { sampleProse } from '../support/fixtures'
import { fillStorage, storageBalance, testPool } from '../support/jobs'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/*
 * Originals in Supabase Storage (migration 20261206040300_original_objects.sql), against a
 * loopback server that speaks the Storage API subset storage-js uses (upload, download,
 * remove): no Supabase Storage server runs here. The bytes leave Postgres; the row keeps
 * RLS and the storage count.
 */

const SERVER_KEY = 'sb_secret_test_key'
const BUCKET = 'knowledge-originals'

let db: TestDatabase
let pool: WorkerPool
let storage: FakeSupabaseStorage
let originals: SupabaseOriginals

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  pool = testPool()
  storage = new FakeSupabaseStorage(SERVER_KEY, BUCKET)
  await storage.start()
  const client = createClient(storage.url, SERVER_KEY, { auth: { persistSession: false }, realtime: SERVER_REALTIME })
  originals = new SupabaseOriginals(client.storage, BUCKET)
})
afterAll(async () => {
  await pool.close()
  await storage.stop()
  setDatabaseForTests(undefined)
  await db.close()
})

async function tenantWithAdmin(slug: string, storageMb: number | null = null): Promise<{ id: string; claims: Claims }> {
  const { id } = await createTenant(db, { slug, limits: { conversationsPerMonth: null, tokensPerMonth: null, storageMb, members: null } })
  const user = await createUser(db, { email: `${slug}@example.com` })
  await addMember(db, id, user.userId, 'admin')
  return { id, claims: { sub: user.userId, email: `${slug}@example.com` } }
}

const form = (name: string, text: string) => ({ files: [new File([text], name)], fields: { category: null, tags: [], elemental_tags: [] } })

async function upload(tenant: { id: string; claims: Claims }, name: string, text: string) {
  const [result] = await uploadFiles(actingAs(db, tenant.claims), tenant.id, form(name, text), { db, pool, originals })
  await new JobRunner({ db, pool, originals }).runUntilIdle()
  const [job] = await withService(db, (tx) =>
    tx.query<{ status: string; document_id: string | null; error_code: string | null }>(
      'select status, document_id, error_code from public.knowledge_jobs where id = $1',
      [result?.id],
    ),
  )
  return { result, job }
}

describe('originals kept in Supabase Storage', () => {
  it('stores the uploaded bytes as an object, not in Postgres, and counts them towards storage exactly', async () => {
    const tenant = await tenantWithAdmin('sbo-store')
    const text = sampleProse(60, 1)
    const { job } = await upload(tenant, 'handbook.md', text)
    expect(job?.status).toBe('done')
    const [row] = await withService(db, (tx) =>
      tx.query<{ object_path: string; content_bytes: number; byte_size: number }>(
        `select object_path, octet_length(content) as content_bytes, byte_size::int as byte_size
           from public.tenant_knowledge_originals where tenant_id = $1`,
        [tenant.id],
      ),
    )
    expect(row).toMatchObject({ content_bytes: 0, byte_size: Buffer.byteLength(text) })
    expect(storage.objects.get(row?.object_path ?? '')?.bytes.toString('utf8')).toBe(text)
    const balance = await storageBalance(db, tenant.id)
    expect(balance.counted).toBe(balance.stored)
  })

  it("gives a tenant admin a signed address of the object that serves its bytes, and another tenant's admin a 404 and no signature", async () => {
    const tenant = await tenantWithAdmin('sbo-read')
    const stranger = await tenantWithAdmin('sbo-stranger')
    const text = sampleProse(60, 2)
    const { job } = await upload(tenant, 'policy.md', text)
    const documentId = String(job?.document_id)
    const download = await downloadOriginal(actingAs(db, tenant.claims), tenant.id, documentId, { db, originals })
    if (!('signedUrl' in download)) throw new Error('expected a signed address')
    expect(download.signedUrl).toContain('download=policy.md')
    const fetched = await fetch(download.signedUrl)
    expect(fetched.status).toBe(200)
    expect(await fetched.text()).toBe(text)
    expect((await fetch(download.signedUrl.replace(/token=[^&]+/, 'token=forged'))).status).toBe(400)
    const signatures = storage.calls.filter((call) => call.path.includes('/object/sign/') && call.method === 'POST').length
    await expect(downloadOriginal(actingAs(db, stranger.claims), tenant.id, documentId, { db, originals })).rejects.toMatchObject({
      code: 'not_found',
    })
    expect(storage.calls.filter((call) => call.path.includes('/object/sign/') && call.method === 'POST').length).toBe(signatures)
  })

  it('reads the object with the server key when a job re-reads the original', async () => {
    const tenant = await tenantWithAdmin('sbo-job-read')
    const text = sampleProse(60, 5)
    const { job } = await upload(tenant, 'notes.md', text)
    const file = await withService(db, (tx) => originals.readForDocument(tx, tenant.id, String(job?.document_id)))
    expect(Buffer.from(file?.bytes ?? new Uint8Array()).toString('utf8')).toBe(text)
  })

  it('removes the object of a file whose text the tenant already holds (a duplicate), and gives its storage back', async () => {
    const tenant = await tenantWithAdmin('sbo-dup')
    const text = sampleProse(60, 3)
    await upload(tenant, 'first.md', text)
    const before = storage.objects.size
    const { job } = await upload(tenant, 'again.md', text)
    expect(job?.status).toBe('done')
    expect(storage.objects.size).toBe(before)
    const balance = await storageBalance(db, tenant.id)
    expect(balance.counted).toBe(balance.stored)
  })

  it("removes a deleted document's object once the delete has committed, and gives its storage back", async () => {
    const tenant = await tenantWithAdmin('sbo-delete')
    const { job } = await upload(tenant, 'leaving.md', sampleProse(60, 6))
    const [row] = await withService(db, (tx) =>
      tx.query<{ object_path: string }>('select object_path from public.tenant_knowledge_originals where tenant_id = $1', [tenant.id]),
    )
    expect(storage.objects.has(row?.object_path ?? '')).toBe(true)
    await deleteKnowledge(actingAs(db, tenant.claims), tenant.id, String(job?.document_id), originals)
    expect(storage.objects.has(row?.object_path ?? '')).toBe(false)
    expect(await storageBalance(db, tenant.id)).toEqual({ counted: 0, stored: 0 })
  })

  it('refuses a file that does not fit the storage limit before any object is uploaded', async () => {
    const tenant = await tenantWithAdmin('sbo-full', 1)
    await fillStorage(db, tenant.id, 1024 * 1024 - 100)
    const uploads = storage.calls.filter((call) => call.method === 'POST').length
    const { result } = await upload(tenant, 'big.md', sampleProse(60, 4))
    expect(result).toMatchObject({ status: 'failed' })
    expect(storage.calls.filter((call) => call.method === 'POST').length).toBe(uploads)
  })

  it('does not let a tenant admin record an object path (and so a size) with their own token', async () => {
    const tenant = await tenantWithAdmin('sbo-direct')
    await expect(
      withUser(db, tenant.claims, (tx) =>
        tx.query(
          `insert into public.tenant_knowledge_originals (tenant_id, file_name, media_type, content, object_path)
           values ($1, 'x.md', 'text/markdown', ''::bytea, 'elsewhere/huge')`,
          [tenant.id],
        ),
      ),
    ).rejects.toMatchObject({ code: '42501' })
  })
})
