import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDatabaseForTests } from '@/lib/db'
import { cachedRouteCount, invalidateTenantRoutes, resolveTenantByHost } from '@/lib/multi-tenant/tenants/directory'
import { createTenant } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/* Every Host header is a cache key: invented hosts must not grow the process without end. */

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  await createTenant(db, { slug: 'cache-known', domain: 'ask.cache-known.test' })
  invalidateTenantRoutes()
})
afterAll(async () => {
  invalidateTenantRoutes()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('the tenant host cache', () => {
  it('stays bounded under thousands of unknown hosts and still resolves a known one', async () => {
    for (let i = 0; i < 5_200; i += 1) {
      expect(await resolveTenantByHost(`nobody-${i}.invented.example`, 'oracle.test')).toBeNull()
    }
    expect(cachedRouteCount()).toBeLessThanOrEqual(5_000)
    expect(cachedRouteCount()).toBeGreaterThan(4_000)
    expect((await resolveTenantByHost('ask.cache-known.test', 'oracle.test'))?.slug).toBe('cache-known')
  }, 120_000)
})
