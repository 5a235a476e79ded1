import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as listExports, POST as requestExport } from '@/app/api/admin/tenants/[id]/exports/route'
import { GET as readExport } from '@/app/api/admin/tenants/[id]/exports/[exportId]/route'
import { GET as download } from '@/app/api/admin/tenants/[id]/exports/[exportId]/download/route'
import { archiveHeadersSchema, tenantExportListSchema, tenantExportResponseSchema } from '@/lib/contracts/exports'
import { setDatabaseForTests, withService, withUser } from '@/lib/db'
import { recordAudit } from '@/lib/multi-tenant/audit'
import type { WorkerPool } from '@/lib/ingest/worker/pool'
import { addMember, createUser, loginCookie } from '../support/auth'
import { openArchive } from '../support/archive'
import { seedIsolationWorld, type IsolationWorld } from '../support/isolation-fixtures'
import { runJobs, testPool } from '../support/jobs'
import { answer, call, expectContract } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase
let world: IsolationWorld
let pool: WorkerPool
let admin: string

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await seedIsolationWorld(db)
  pool = testPool()
  admin = await loginCookie(db, world.home.adminId)
})

afterAll(async () => {
  await pool.close()
  setDatabaseForTests(undefined)
  await db.close()
})

const base = () => `/api/admin/tenants/${world.home.id}/exports`

async function ask(cookie: string, tenantId = world.home.id) {
  return answer(requestExport, { id: tenantId }, `/api/admin/tenants/${tenantId}/exports`, { method: 'POST', cookie })
}

async function status(exportId: string) {
  return expectContract(
    tenantExportResponseSchema,
    await answer(readExport, { id: world.home.id, exportId }, `${base()}/${exportId}`, { cookie: admin }),
    200,
  ).export
}

describe('a tenant admin’s export', () => {
  it('is refused to a member who is not admin (403) and to another tenant’s admin (404)', async () => {
    expect((await ask(await loginCookie(db, world.home.userId))).status).toBe(403)
    expect((await ask(await loginCookie(db, world.other.adminId))).status).toBe(404)
  })

  it('is built in the background and downloads as a zip of NDJSON files and the originals, holding the tenant’s rows and none of another’s', async () => {
    // A platform admin's change shows in the tenant's export by role only, as in the tenant's audit log.
    await withUser(db, { sub: world.platformAdminId, email: 'platform@admin.test' }, (tx) =>
      recordAudit(tx, {
        tenantId: world.home.id,
        action: 'tier.update',
        targetType: 'tier',
        targetId: world.home.tierId,
        ip: '198.51.100.4',
      }),
    )
    const asked = expectContract(tenantExportResponseSchema, await ask(admin), 202).export
    expect(asked).toMatchObject({ status: 'queued', downloadUrl: null })
    // Asking again while it is in flight joins it.
    expect(expectContract(tenantExportResponseSchema, await ask(admin), 202).export.id).toBe(asked.id)
    const early = await answer(download, { id: world.home.id, exportId: asked.id }, `${base()}/${asked.id}/download`, { cookie: admin })
    expect(early.status).toBe(409)

    await runJobs(db, pool)
    const ready = await status(asked.id)
    expect(ready.status).toBe('ready')
    expect(ready.downloadUrl).toBe(`${base()}/${asked.id}/download`)
    const listed = expectContract(tenantExportListSchema, await answer(listExports, { id: world.home.id }, base(), { cookie: admin }), 200)
    expect(listed.exports.map((item) => item.id)).toContain(asked.id)

    const response = await call(download, { id: world.home.id, exportId: asked.id }, `${base()}/${asked.id}/download`, { cookie: admin })
    expect(response.status).toBe(200)
    expect(
      archiveHeadersSchema.safeParse(Object.fromEntries([...response.headers].filter(([key]) => key in archiveHeadersSchema.shape)))
        .success,
    ).toBe(true)
    const archive = await openArchive(response)

    const original = archive.rows('originals.ndjson')
    expect(archive.names).toEqual(
      [
        'audit.ndjson',
        'chunks.ndjson',
        'conversations.ndjson',
        'documents.ndjson',
        'manifest.json',
        'members.ndjson',
        'originals.ndjson',
        'tiers.ndjson',
        'usage.ndjson',
        String(original[0]?.path),
      ].sort(),
    )
    const manifest = JSON.parse(archive.text('manifest.json')) as { tenant: { id: string }; files: Record<string, number> }
    expect(manifest.tenant.id).toBe(world.home.id)
    for (const [file, count] of Object.entries(manifest.files)) expect(archive.rows(file)).toHaveLength(count)

    // The tenant's documents, whoever reads them; a member's personal document is theirs alone.
    expect(
      archive
        .rows('documents.ndjson')
        .map((row) => String(row.title))
        .sort(),
    ).toEqual(['Team notes', 'home-tenant handbook'])
    expect(archive.text('documents.ndjson')).not.toContain(world.home.personalDocumentId)
    expect(archive.text('chunks.ndjson')).not.toContain('private notes')
    const chunks = archive.rows('chunks.ndjson')
    expect(chunks.map((row) => row.content)).toEqual(['home-tenant opening hours', 'home-tenant refund policy'])
    expect(chunks.every((row) => !('embedding' in row))).toBe(true)
    expect(archive.text(String(original[0]?.path))).toBe('How home-tenant works.')
    const [conversation] = archive.rows('conversations.ndjson') as { user_id: string; messages: { content: string }[] }[]
    expect(conversation?.user_id).toBe(world.home.userId)
    expect(conversation?.messages.map((message) => message.content).sort()).toEqual(['a question', 'an answer'])
    expect(archive.rows('members.ndjson').map((row) => row.email)).toEqual([
      'admin@home-tenant.test',
      'user@home-tenant.test',
      'viewer@home-tenant.test',
    ])
    expect(archive.rows('tiers.ndjson').map((row) => row.name)).toEqual(['Basic'])
    expect(new Set(archive.rows('usage.ndjson').map((row) => row.kind))).toEqual(new Set(['month', 'day', 'member_month']))
    const auditRows = archive.rows('audit.ndjson')
    expect(auditRows.map((row) => row.action)).toContain('export.create')
    const byPlatform = auditRows.find((row) => row.action === 'tier.update')
    expect(byPlatform).toMatchObject({ actor_is_platform_admin: true, actor_id: null, actor_email: null, ip: null })

    const everything = archive.names.map((name) => archive.text(name)).join('\n')
    expect(everything).not.toContain(world.other.id)
    expect(everything).not.toContain('other-tenant')
    expect(everything).not.toContain('platform@admin.test')
    expect(everything).not.toContain('198.51.100.4')

    const audited = await withService(db, (tx) =>
      tx.query<{ action: string }>('select action from public.audit_logs where tenant_id = $1 and target_id = $2 order by id', [
        world.home.id,
        asked.id,
      ]),
    )
    expect(audited.map((row) => row.action)).toEqual(['export.create', 'export.download'])
  })

  it('replaces the tenant’s earlier archive once a new one is ready', async () => {
    const before = expectContract(tenantExportListSchema, await answer(listExports, { id: world.home.id }, base(), { cookie: admin }), 200)
    const earlier = before.exports.find((item) => item.status === 'ready')
    expect(earlier).toBeDefined()
    const asked = expectContract(tenantExportResponseSchema, await ask(admin), 202).export
    await runJobs(db, pool)
    const after = expectContract(tenantExportListSchema, await answer(listExports, { id: world.home.id }, base(), { cookie: admin }), 200)
    expect(after.exports.map((item) => [item.id, item.status])).toEqual([[asked.id, 'ready']])
  })

  it('fails with a reason when the admin who asked is no longer one when it runs', async () => {
    const { userId: second } = await createUser(db, { email: 'brief.admin@home-tenant.test' })
    await addMember(db, world.home.id, second, 'admin')
    const asked = expectContract(tenantExportResponseSchema, await ask(await loginCookie(db, second)), 202).export
    await withService(db, (tx) =>
      tx.query("update public.tenant_users set role = 'user' where tenant_id = $1 and user_id = $2", [world.home.id, second]),
    )
    await runJobs(db, pool)
    expect(await status(asked.id)).toMatchObject({
      status: 'failed',
      downloadUrl: null,
      error: expect.stringContaining('no longer an admin'),
    })
  })
})
