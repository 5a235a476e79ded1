import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { withService, withUser, type Claims } from '@/lib/db'
import { storageUsage } from '@/lib/multi-tenant/knowledge/storage-usage'
import { TenantKnowledgeBase } from '@/lib/multi-tenant/TenantKnowledgeBase'
import { addMember, createTenant, createUser } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { fillStorage } from '../support/jobs'

let db: TestDatabase
const local = new LocalEmbedder()

async function tenantWithAdmin(slug: string, storageMb: number | null): Promise<{ id: string; admin: Claims }> {
  const { id } = await createTenant(db, { slug, limits: { conversationsPerMonth: null, tokensPerMonth: null, storageMb, members: null } })
  const user = await createUser(db, { email: `${slug}@example.com` })
  await addMember(db, id, user.userId, 'admin')
  return { id, admin: { sub: user.userId, email: user.email } }
}

async function add(tenant: { id: string; admin: Claims }, title: string, content: string) {
  const prepared = await TenantKnowledgeBase.prepare({ title, content }, local)
  return withUser(db, tenant.admin, (tx) => new TenantKnowledgeBase(tenant.id, tx, { embedder: local }).addKnowledge(prepared))
}

// Limits are whole megabytes: a tenant with 1 MB whose storage is already this full has 1048 bytes left.
const NEARLY_FULL = 1024 * 1024 - 1048

async function nearlyFull(slug: string): Promise<{ id: string; admin: Claims }> {
  const tenant = await tenantWithAdmin(slug, 1)
  await fillStorage(db, tenant.id, NEARLY_FULL)
  return tenant
}

function usage(tenant: { id: string; admin: Claims }) {
  return withUser(db, tenant.admin, (tx) => storageUsage(tx, tenant.id))
}

async function periods(tenantId: string): Promise<{ period: string; storage: number }[]> {
  return withService(db, (tx) =>
    tx.query<{ period: string; storage: number }>(
      "select to_char(period, 'YYYY-MM-DD') as period, storage_bytes::int as storage from public.tenant_usage where tenant_id = $1 order by period",
      [tenantId],
    ),
  )
}

beforeAll(async () => {
  db = await createTestDatabase()
})
afterAll(async () => {
  await db.close()
})

describe('storage accounting', () => {
  it('counts the UTF-8 bytes of each document on add and releases them on delete', async () => {
    const tenant = await tenantWithAdmin('storage-count', null)
    const text = 'Grüße aus Köln: ein Dokument mit Umlauten.'
    const added = await add(tenant, 'Umlauts', text)
    expect(await usage(tenant)).toEqual({ usedBytes: Buffer.byteLength(text), limitBytes: null })
    await withUser(db, tenant.admin, (tx) => new TenantKnowledgeBase(tenant.id, tx).remove(added.id))
    expect((await usage(tenant)).usedBytes).toBe(0)
  })

  it("carries the level into a new month, whoever creates that month's row", async () => {
    const tenant = await tenantWithAdmin('storage-carry', null)
    await withService(db, (tx) =>
      tx.query(
        `insert into public.tenant_usage (tenant_id, period, storage_bytes)
         values ($1, (app_private.current_usage_period() - interval '2 months')::date, 5000)`,
        [tenant.id],
      ),
    )
    // Another counter (conversations) opens this month's row first, knowing nothing of storage.
    await withService(db, (tx) =>
      tx.query('insert into public.tenant_usage (tenant_id, period, conversations) values ($1, app_private.current_usage_period(), 1)', [
        tenant.id,
      ]),
    )
    await add(tenant, 'Carry', 'Twelve bytes')
    const rows = await periods(tenant.id)
    expect(rows.map((row) => row.storage)).toEqual([5000, 5012])
    expect((await usage(tenant)).usedBytes).toBe(5012)
  })

  it('refuses a document that would pass the limit with storage_full, storing nothing', async () => {
    const tenant = await nearlyFull('storage-full')
    const first = await add(tenant, 'First', 'a'.repeat(600))
    await expect(add(tenant, 'Second', 'b'.repeat(600))).rejects.toMatchObject({ code: 'storage_full', status: 413 })
    const titles = await withService(db, (tx) =>
      tx.query<{ title: string }>('select title from public.tenant_knowledge where tenant_id = $1', [tenant.id]),
    )
    expect(titles.map((row) => row.title)).toEqual(['First'])
    expect((await usage(tenant)).usedBytes).toBe(NEARLY_FULL + 600)
    // Deleting frees the space again.
    await withUser(db, tenant.admin, (tx) => new TenantKnowledgeBase(tenant.id, tx).remove(first.id))
    expect((await add(tenant, 'Second', 'b'.repeat(600))).duplicate).toBe(false)
  })

  it('counts and limits direct inserts too, with the byte size computed rather than trusted', async () => {
    const tenant = await nearlyFull('storage-direct')
    const insert = (content: string) =>
      withUser(db, tenant.admin, (tx) =>
        tx.query<{ byte_size: number }>(
          `insert into public.tenant_knowledge (tenant_id, title, content, content_hash, byte_size)
           values ($1, 'Direct', $2, md5($2), 0) returning byte_size::int`,
          [tenant.id, content],
        ),
      )
    expect(await insert('c'.repeat(700))).toEqual([{ byte_size: 700 }])
    await expect(insert('d'.repeat(700))).rejects.toMatchObject({ code: 'OR413' })
  })

  it('lets a tenant with knowledge be deleted', async () => {
    const tenant = await tenantWithAdmin('storage-gone', null)
    await add(tenant, 'Doomed', 'This tenant is about to be deleted.')
    await withService(db, (tx) => tx.query('delete from public.tenants where id = $1', [tenant.id]))
    expect(await periods(tenant.id)).toEqual([])
  })
})
