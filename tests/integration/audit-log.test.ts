import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withService, withUser } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { auditQuerySchema, platformAuditQuerySchema, type AuditAction } from '@/lib/contracts/audit'
import { recordAudit } from '@/lib/multi-tenant/audit/audit'
import { listPlatformAuditLogs, listTenantAuditLogs } from '@/lib/multi-tenant/audit/audit-logs'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { actorOf, buildAdminWorld, TEST_IP, type AdminWorld } from './admin-world'

let db: TestDatabase
let world: AdminWorld
const homeIds: number[] = []

const HOME_ACTIONS: AuditAction[] = [
  'member.add',
  'member.invite',
  'knowledge.add',
  'member.remove',
  'knowledge.delete',
  'personality.update',
]

beforeAll(async () => {
  db = await createTestDatabase()
  world = await buildAdminWorld(db, 'aud')
  for (const [i, action] of HOME_ACTIONS.entries()) {
    const id = await withUser(db, actorOf(db, world.home.admin).claims, (tx) =>
      recordAudit(tx, { tenantId: world.home.id, action, targetType: 'thing', targetId: String(i), after: { step: i }, ip: TEST_IP }),
    )
    homeIds.push(id)
  }
  await withUser(db, actorOf(db, world.other.admin).claims, (tx) =>
    recordAudit(tx, { tenantId: world.other.id, action: 'knowledge.add', targetType: 'knowledge', targetId: 'o1' }),
  )
  await withUser(db, actorOf(db, world.platformAdmin).claims, (tx) =>
    recordAudit(tx, { tenantId: null, action: 'tenant.delete', targetType: 'tenant', targetId: 'gone', before: { slug: 'gone' } }),
  )
})
afterAll(async () => {
  await db.close()
})

const query = (params: Record<string, string> = {}) => auditQuerySchema.parse(params)

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('recording', () => {
  it('stores the actor from the verified claims, the IP and a hash linked to the previous row', async () => {
    const rows = await withService(db, (tx) =>
      tx.query<{ id: string; actor_id: string; actor_email: string; ip: string; prev_hash: string | null; hash: string }>(
        'select id, actor_id, actor_email, ip, prev_hash, hash from public.audit_logs where tenant_id = $1 order by id',
        [world.home.id],
      ),
    )
    expect(rows[1]).toMatchObject({ actor_id: world.home.admin.userId, actor_email: world.home.admin.email, ip: TEST_IP })
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash)
  })

  it('refuses to write into a tenant the caller does not belong to', async () => {
    const error = await withUser(db, actorOf(db, world.other.admin).claims, (tx) =>
      recordAudit(tx, { tenantId: world.home.id, action: 'knowledge.add' }),
    ).catch((caught: unknown) => caught as { code?: string })
    expect(error).toMatchObject({ code: 'OR403' })
  })
})

describe("a tenant's audit log", () => {
  it('pages newest first and verifies the chain', async () => {
    const first = await listTenantAuditLogs(actorOf(db, world.home.admin), world.home.id, query({ pageSize: '4' }))
    expect(first.items.map((item) => item.id)).toEqual([...homeIds].reverse().slice(0, 4))
    expect(first).toMatchObject({
      page: 1,
      pageSize: 4,
      total: homeIds.length,
      chain: { ok: true, checked: homeIds.length, firstBrokenId: null },
    })
    const second = await listTenantAuditLogs(actorOf(db, world.home.admin), world.home.id, query({ pageSize: '4', page: '2' }))
    expect(second.items.map((item) => item.id)).toEqual([...homeIds].reverse().slice(4))
    expect(second.nextCursor).toBeNull()
    const byCursor = await listTenantAuditLogs(
      actorOf(db, world.home.admin),
      world.home.id,
      query({ pageSize: '4', cursor: String(first.nextCursor) }),
    )
    expect(byCursor.items.map((item) => item.id)).toEqual(second.items.map((item) => item.id))
  })

  it('filters by exact action, by action prefix and by time', async () => {
    const exact = await listTenantAuditLogs(actorOf(db, world.home.admin), world.home.id, query({ action: 'member.add' }))
    expect(exact.items.map((item) => item.action)).toEqual(['member.add'])
    const prefix = await listTenantAuditLogs(actorOf(db, world.home.admin), world.home.id, query({ action: 'member' }))
    expect(prefix.items.map((item) => item.action).sort()).toEqual(['member.add', 'member.invite', 'member.remove'])
    const future = await listTenantAuditLogs(actorOf(db, world.home.admin), world.home.id, query({ from: '2999-01-01' }))
    expect(future.items).toEqual([])
    const past = await listTenantAuditLogs(actorOf(db, world.home.admin), world.home.id, query({ to: '2000-01-01T00:00:00Z' }))
    expect(past.total).toBe(0)
    const window = await listTenantAuditLogs(actorOf(db, world.home.admin), world.home.id, query({ from: '2000-01-01', to: '2999-12-31' }))
    expect(window.total).toBe(homeIds.length)
  })

  it("is open to platform admins, 403 for members who are not admins and 404 for another tenant's admin", async () => {
    expect((await listTenantAuditLogs(actorOf(db, world.platformAdmin), world.home.id, query())).total).toBe(homeIds.length)
    expect((await failure(listTenantAuditLogs(actorOf(db, world.home.viewer), world.home.id, query()))).status).toBe(403)
    expect((await failure(listTenantAuditLogs(actorOf(db, world.home.user), world.home.id, query()))).status).toBe(403)
    expect((await failure(listTenantAuditLogs(actorOf(db, world.other.admin), world.home.id, query()))).status).toBe(404)
  })

  it('rejects malformed filters', () => {
    for (const bad of [{ page: '0' }, { pageSize: '1000' }, { action: 'DROP TABLE' }, { from: 'yesterday' }, { cursor: '-3' }]) {
      expect(auditQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
  })
})

describe('the platform audit log', () => {
  it('shows platform admins every chain, platform rows included', async () => {
    const all = await listPlatformAuditLogs(actorOf(db, world.platformAdmin), platformAuditQuerySchema.parse({}))
    const tenants = new Set(all.items.map((item) => item.tenantId))
    expect(tenants).toEqual(new Set([world.home.id, world.other.id, null]))
    const platformOnly = await listPlatformAuditLogs(
      actorOf(db, world.platformAdmin),
      platformAuditQuerySchema.parse({ tenantId: 'platform' }),
    )
    expect(platformOnly.items.map((item) => [item.tenantId, item.action])).toEqual([[null, 'tenant.delete']])
    expect(platformOnly.chain).toEqual({ ok: true, checked: 1, firstBrokenId: null })
    const oneTenant = await listPlatformAuditLogs(
      actorOf(db, world.platformAdmin),
      platformAuditQuerySchema.parse({ tenantId: world.other.id }),
    )
    expect(oneTenant.items.map((item) => item.tenantId)).toEqual([world.other.id])
  })

  it('is closed to everyone else with 403', async () => {
    for (const person of [world.home.admin, world.home.user, world.home.viewer, world.loner]) {
      expect((await failure(listPlatformAuditLogs(actorOf(db, person), platformAuditQuerySchema.parse({})))).status).toBe(403)
    }
  })
})

// Last: these tamper with rows as the service role, which is exactly what the chain exists to expose.
describe('tamper detection', () => {
  it("reports an edited row's id as the first broken link, leaving other chains intact", async () => {
    const victim = homeIds[2] as number
    await withService(db, (tx) => tx.query(`update public.audit_logs set after = '{"step": 99}'::jsonb where id = $1`, [victim]))
    const page = await listTenantAuditLogs(actorOf(db, world.home.admin), world.home.id, query())
    expect(page.chain).toEqual({ ok: false, checked: 3, firstBrokenId: victim })
    const other = await listTenantAuditLogs(actorOf(db, world.other.admin), world.other.id, query())
    expect(other.chain.ok).toBe(true)
  })

  it('reports the row after a deleted one, whose link no longer matches', async () => {
    await withService(db, (tx) => tx.query('delete from public.audit_logs where id = $1', [homeIds[4]]))
    await withService(db, (tx) => tx.query(`update public.audit_logs set after = '{"step": 2}'::jsonb where id = $1`, [homeIds[2]]))
    const rows = await withService(db, (tx) =>
      tx.query<{ ok: boolean; first_broken_id: string | number }>('select ok, first_broken_id from app_private.verify_audit_chain($1)', [
        world.home.id,
      ]),
    )
    expect(rows[0]?.ok).toBe(false)
    expect(Number(rows[0]?.first_broken_id)).toBe(homeIds[5])
  })

  it('cannot be hidden by an API role rewriting the row back', async () => {
    const error = await withUser(db, actorOf(db, world.platformAdmin).claims, (tx) =>
      tx.query(`update public.audit_logs set after = '{"step": 5}'::jsonb where id = $1`, [homeIds[5]]),
    ).catch((caught: unknown) => caught as { code?: string })
    expect(error).toMatchObject({ code: expect.stringMatching(/^(OR403|42501)$/) })
  })
})
