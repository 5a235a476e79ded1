import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as usageRoute } from '@/app/api/v1/usage/route'
import type { ApiKeyScope } from '@/lib/contracts/api-keys'
import { usageReportResponseSchema } from '@/lib/contracts/usage'
import { setDatabaseForTests, withService } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { createApiKey } from '@/lib/multi-tenant/api-keys'
import { addMember, createTenant, createUser } from '../support/auth'
import { startRouteServer, type RouteServer } from '../support/route-server'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/* GET /api/v1/usage: a key with usage:read reads its own tenant's usage report, and no other's. */

let db: TestDatabase
let server: RouteServer
let acme: { id: string }
let globex: { id: string }

async function keyFor(tenantId: string, scopes: ApiKeyScope[]): Promise<string> {
  const admin = await createUser(db, { email: `admin-${scopes.join('-')}-${tenantId.slice(0, 8)}@example.com` })
  await addMember(db, tenantId, admin.userId, 'admin')
  return (await createApiKey(actingAs(db, { sub: admin.userId }), tenantId, { name: 'Usage', scopes })).secret
}

async function countConversations(tenantId: string, conversations: number): Promise<void> {
  await withService(db, (tx) =>
    tx.query(
      `insert into public.tenant_usage (tenant_id, period, conversations, messages)
       values ($1, date_trunc('month', now() at time zone 'utc')::date, $2, $2 * 2)
       on conflict (tenant_id, period) do update set conversations = $2, messages = $2 * 2`,
      [tenantId, conversations],
    ),
  )
}

const usage = (key: string) => fetch(`${server.url}/api/v1/usage`, { headers: { authorization: `Bearer ${key}` } })

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  acme = await createTenant(db, { slug: 'acme-usage', name: 'Acme' })
  globex = await createTenant(db, { slug: 'globex-usage', name: 'Globex' })
  await countConversations(acme.id, 7)
  await countConversations(globex.id, 99)
  server = await startRouteServer({ '/api/v1/usage': { GET: usageRoute } })
})
afterAll(async () => {
  await server.close()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('reading usage with a key', () => {
  it('answers the key’s own tenant’s report, as the dashboard reads it', async () => {
    const response = await usage(await keyFor(acme.id, ['usage:read']))
    expect(response.status).toBe(200)
    const report = usageReportResponseSchema.parse(await response.json())
    expect(report.current.conversations).toBe(7)
    expect(report.daily).toHaveLength(30)
  })

  it('is 403 for a key without usage:read', async () => {
    expect((await usage(await keyFor(acme.id, ['chat', 'knowledge:read']))).status).toBe(403)
  })

  it('gives another tenant’s key that tenant’s figures, never these', async () => {
    const report = usageReportResponseSchema.parse(await (await usage(await keyFor(globex.id, ['usage:read']))).json())
    expect(report.current.conversations).toBe(99)
  })
})
