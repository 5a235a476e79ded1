import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as platformAuditRoute } from '@/app/api/admin/audit-logs/route'
import { GET as tenantAuditRoute } from '@/app/api/admin/tenants/[id]/audit-logs/route'
import { POST as addMemberRoute } from '@/app/api/admin/tenants/[id]/members/route'
import { GET as usageRoute } from '@/app/api/admin/tenants/[id]/usage/route'
import { GET as eventLoopRoute } from '@/app/api/debug/event-loop/route'
import { GET as healthRoute } from '@/app/api/health/route'
import { auditLogPageResponseSchema } from '@/lib/contracts/audit'
import { errorBodySchema } from '@/lib/contracts/errors'
import { eventLoopDelayResponseSchema, healthResponseSchema } from '@/lib/contracts/health'
import { usageReportResponseSchema } from '@/lib/contracts/usage'
import { startEventLoopMonitor } from '@/lib/debug/event-loop'
import { setDatabaseForTests, withService, type Database } from '@/lib/db'
import { resetConfigForTests } from '@/lib/env'
import { loginCookie } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { buildAdminWorld, type AdminWorld } from './admin-world'
import { answer, expectContract } from '../support/route-calls'

/* Health, the event-loop probe, usage and both audit logs, called for real; each answer must parse by its contract. */

let db: TestDatabase
let world: AdminWorld
let platform: string
let admin: string
let user: string

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await buildAdminWorld(db, 'cu')
  platform = await loginCookie(db, world.platformAdmin.userId)
  admin = await loginCookie(db, world.home.admin.userId)
  user = await loginCookie(db, world.home.user.userId)
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('the operational routes answer by the health contract', () => {
  it('GET /api/health answers 200 by its contract while the database answers', async () => {
    const health = expectContract(healthResponseSchema, await answer(healthRoute, {}, '/api/health'), 200)
    expect(health).toMatchObject({ status: 'ok', database: 'reachable' })
  })

  it('GET /api/health answers 503 by the same contract, naming the failure, when the database does not', async () => {
    const unreachable: Database = {
      kind: 'postgres',
      transaction: () => Promise.reject(new Error('connection refused')),
      close: async () => undefined,
    }
    setDatabaseForTests(unreachable)
    try {
      const health = expectContract(healthResponseSchema, await answer(healthRoute, {}, '/api/health'), 503)
      expect(health).toMatchObject({ status: 'unavailable', database: 'unreachable', error: 'connection refused' })
    } finally {
      setDatabaseForTests(db)
    }
  })

  it('GET /api/debug/event-loop is the one error shape (404) until monitoring is on, then answers by its contract', async () => {
    expectContract(errorBodySchema, await answer(eventLoopRoute, {}, '/api/debug/event-loop'), 404)
    process.env.DEBUG_EVENT_LOOP = '1'
    resetConfigForTests()
    try {
      startEventLoopMonitor()
      expectContract(eventLoopDelayResponseSchema, await answer(eventLoopRoute, {}, '/api/debug/event-loop'), 200)
    } finally {
      delete process.env.DEBUG_EVENT_LOOP
      resetConfigForTests()
    }
  })
})

describe('the usage route answers by the usage contract', () => {
  it("GET /usage answers a tenant admin by its contract, with this month, earlier months and each day's elements", async () => {
    const id = world.home.id
    await withService(db, async (tx) => {
      await tx.query(
        `insert into public.tenant_usage (tenant_id, period, conversations, messages, tokens_in, tokens_out, storage_bytes)
         values ($1, app_private.usage_period(), 3, 8, 120, 40, 2048),
                ($1, (app_private.usage_period() - interval '1 month')::date, 7, 20, 300, 30, 1024)`,
        [id],
      )
      await tx.query(
        `insert into public.tenant_usage_daily (tenant_id, day, conversations, messages, tokens, element_counts)
         values ($1, app_private.usage_day(), 3, 8, 160, '{"fire": 2, "water": 1}')`,
        [id],
      )
    })
    const report = expectContract(
      usageReportResponseSchema,
      await answer(usageRoute, { id }, `/api/admin/tenants/${id}/usage`, { cookie: admin }),
      200,
    )
    expect(report.current).toMatchObject({ conversations: 3, tokens: 160, storageBytes: 2048 })
    expect(report.periods).toHaveLength(1)
    expect(report.daily.at(-1)?.elementCounts).toEqual({ fire: 2, water: 1 })
  })

  it('GET /usage is the one error shape for a member below admin (403) and without a session (401)', async () => {
    const id = world.home.id
    expectContract(errorBodySchema, await answer(usageRoute, { id }, `/api/admin/tenants/${id}/usage`, { cookie: user }), 403)
    expectContract(errorBodySchema, await answer(usageRoute, { id }, `/api/admin/tenants/${id}/usage`), 401)
  })
})

describe('the audit log routes answer by the audit contract', () => {
  beforeAll(async () => {
    const id = world.home.id
    for (const email of ['first@cu-audit.test', 'second@cu-audit.test']) {
      const reply = await answer(addMemberRoute, { id }, `/api/admin/tenants/${id}/members`, {
        method: 'POST',
        cookie: admin,
        body: { email, role: 'viewer' },
      })
      expect(reply.status).toBe(201)
    }
  })

  it("GET /tenants/[id]/audit-logs answers a page by its contract, and the cursor's next page too", async () => {
    const path = `/api/admin/tenants/${world.home.id}/audit-logs`
    const first = expectContract(
      auditLogPageResponseSchema,
      await answer(tenantAuditRoute, { id: world.home.id }, `${path}?pageSize=1&action=member`, { cookie: admin }),
      200,
    )
    expect(first.items.map((entry) => entry.action)).toEqual(['member.invite'])
    expect(first.chain.ok).toBe(true)
    if (first.nextCursor === null) throw new Error('the first page of two names no next cursor')
    const next = await answer(tenantAuditRoute, { id: world.home.id }, `${path}?pageSize=1&cursor=${first.nextCursor}`, { cookie: admin })
    expect(expectContract(auditLogPageResponseSchema, next, 200).items).toHaveLength(1)
  })

  it('GET /tenants/[id]/audit-logs is the one error shape for a bad query (400) and a member below admin (403)', async () => {
    const path = `/api/admin/tenants/${world.home.id}/audit-logs`
    expectContract(errorBodySchema, await answer(tenantAuditRoute, { id: world.home.id }, `${path}?pageSize=0`, { cookie: admin }), 400)
    expectContract(errorBodySchema, await answer(tenantAuditRoute, { id: world.home.id }, path, { cookie: user }), 403)
  })

  it("GET /audit-logs answers a platform admin by its contract, for one tenant's chain and for the platform's own", async () => {
    const tenantPage = await answer(platformAuditRoute, {}, `/api/admin/audit-logs?tenantId=${world.home.id}`, { cookie: platform })
    expect(expectContract(auditLogPageResponseSchema, tenantPage, 200).items.length).toBeGreaterThan(0)
    expectContract(
      auditLogPageResponseSchema,
      await answer(platformAuditRoute, {}, '/api/admin/audit-logs?tenantId=platform', { cookie: platform }),
      200,
    )
  })

  it('GET /audit-logs is the one error shape for a tenant admin (403) and for a bad tenant filter (400)', async () => {
    expectContract(errorBodySchema, await answer(platformAuditRoute, {}, '/api/admin/audit-logs', { cookie: admin }), 403)
    expectContract(
      errorBodySchema,
      await answer(platformAuditRoute, {}, '/api/admin/audit-logs?tenantId=nobody', { cookie: platform }),
      400,
    )
  })
})
