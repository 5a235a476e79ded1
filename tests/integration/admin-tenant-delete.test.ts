import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withService, withUser } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { recordAudit } from '@/lib/multi-tenant/audit/audit'
import { deleteTenant } from '@/lib/multi-tenant/tenants/tenants'
import { seedKnowledge } from '../support/isolation-fixtures'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { actorOf, buildAdminWorld, type AdminWorld } from './admin-world'

let db: TestDatabase
let world: AdminWorld

beforeAll(async () => {
  db = await createTestDatabase()
  world = await buildAdminWorld(db, 'del')
  await withService(db, async (tx) => {
    for (const tenant of [world.home, world.other]) {
      const knowledgeId = await seedKnowledge(tx, tenant.id, 'Handbook', `The handbook of ${tenant.slug}.`)
      await tx.query(
        `insert into public.tenant_knowledge_chunks (tenant_id, knowledge_id, chunk_index, content, embedding_model)
         values ($1, $2, 0, 'chunk', 'test')`,
        [tenant.id, knowledgeId],
      )
      const conversation = await tx.query<{ id: string }>(
        'insert into public.tenant_conversations (tenant_id, user_id) values ($1, $2) returning id',
        [tenant.id, tenant.user.userId],
      )
      await tx.query(
        "insert into public.tenant_messages (tenant_id, conversation_id, user_id, role, content) values ($1, $2, $3, 'user', 'hi')",
        [tenant.id, conversation[0]?.id, tenant.user.userId],
      )
      await tx.query(
        "insert into public.tenant_usage (tenant_id, period, conversations) values ($1, date_trunc('month', now())::date, 1) on conflict do nothing",
        [tenant.id],
      )
      await tx.query(
        "insert into public.tenant_invitations (tenant_id, email, role, token_hash) values ($1, $2, 'user', encode(sha256(convert_to($2, 'UTF8')), 'hex'))",
        [tenant.id, `invitee@${tenant.slug}.test`],
      )
      await tx.query(
        'insert into public.tenant_usage_daily (tenant_id, day, conversations) values ($1, current_date, 1) on conflict do nothing',
        [tenant.id],
      )
    }
  })
  for (const tenant of [world.home, world.other]) {
    await withUser(db, actorOf(db, tenant.admin).claims, (tx) =>
      recordAudit(tx, { tenantId: tenant.id, action: 'knowledge.add', targetType: 'knowledge', targetId: 'x' }),
    )
  }
})
afterAll(async () => {
  await db.close()
})

const TABLES = [
  'tenant_knowledge',
  'tenant_knowledge_chunks',
  'tenant_conversations',
  'tenant_messages',
  'tenant_usage',
  'tenant_usage_daily',
  'tenant_users',
  'tenant_invitations',
  'audit_logs',
]

async function rowCounts(tenantId: string): Promise<Record<string, number>> {
  return withService(db, async (tx) => {
    const counts: Record<string, number> = {}
    for (const table of TABLES) {
      const rows = await tx.query<{ n: number }>(`select count(*)::int as n from public.${table} where tenant_id = $1`, [tenantId])
      counts[table] = rows[0]?.n ?? 0
    }
    return counts
  })
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('deleting a tenant', () => {
  it("refuses the tenant's own admin (403), another tenant's admin (404) and members (403)", async () => {
    expect((await failure(deleteTenant(actorOf(db, world.home.admin), world.home.id, world.home.slug))).status).toBe(403)
    expect((await failure(deleteTenant(actorOf(db, world.home.user), world.home.id, world.home.slug))).status).toBe(403)
    expect((await failure(deleteTenant(actorOf(db, world.other.admin), world.home.id, world.home.slug))).status).toBe(404)
    expect((await rowCounts(world.home.id)).tenant_users).toBe(3)
  })

  it('refuses a confirmation that is not the slug with 400', async () => {
    const error = await failure(deleteTenant(actorOf(db, world.platformAdmin), world.home.id, 'del-other'))
    expect(error.status).toBe(400)
    expect(error.details).toMatchObject({ fields: { confirm: expect.stringContaining(world.home.slug) } })
  })

  it('removes every row of the tenant, keeps the other tenant whole, and leaves one platform record', async () => {
    const otherBefore = await rowCounts(world.other.id)
    expect(Object.values(await rowCounts(world.home.id)).every((n) => n > 0)).toBe(true)

    await deleteTenant(actorOf(db, world.platformAdmin), world.home.id, world.home.slug)

    expect(Object.values(await rowCounts(world.home.id))).toEqual(TABLES.map(() => 0))
    expect(await rowCounts(world.other.id)).toEqual(otherBefore)
    const record = await withService(db, (tx) =>
      tx.query<{ tenant_id: string | null; action: string; target_id: string; actor_id: string; before: { slug: string; name: string } }>(
        "select tenant_id, action, target_id, actor_id, before from public.audit_logs where action = 'tenant.delete'",
      ),
    )
    expect(record).toEqual([
      expect.objectContaining({
        tenant_id: null,
        target_id: world.home.id,
        actor_id: world.platformAdmin.userId,
        before: expect.objectContaining({ slug: world.home.slug, name: 'Home Tenant' }),
      }),
    ])
  })

  it('keeps the purge function narrow: never for a living tenant, never for a non-platform-admin', async () => {
    const living = await withUser(db, actorOf(db, world.platformAdmin).claims, (tx) =>
      tx.query('select app_private.purge_tenant_audit($1)', [world.other.id]),
    ).catch((caught: unknown) => caught as { code?: string })
    expect(living).toMatchObject({ code: 'OR409' })
    const notAdmin = await withUser(db, actorOf(db, world.other.admin).claims, (tx) =>
      tx.query('select app_private.purge_tenant_audit($1)', [world.home.id]),
    ).catch((caught: unknown) => caught as { code?: string })
    expect(notAdmin).toMatchObject({ code: 'OR403' })
  })

  it('still refuses to delete audit rows through the API roles directly', async () => {
    const direct = await withUser(db, actorOf(db, world.platformAdmin).claims, (tx) =>
      tx.query('delete from public.audit_logs where tenant_id = $1', [world.other.id]),
    ).catch((caught: unknown) => caught as { code?: string })
    expect(direct).toMatchObject({ code: expect.stringMatching(/^(OR403|42501)$/) })
    expect((await rowCounts(world.other.id)).audit_logs).toBeGreaterThan(0)
  })
})
