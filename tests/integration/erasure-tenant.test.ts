import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POST as ask } from '@/app/api/tenant/[slug]/oracle/route'
import { setDatabaseForTests, withService } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { deleteTenant } from '@/lib/multi-tenant/tenants'
import { invalidateTenantRoutes } from '@/lib/multi-tenant/tenants/directory'
import { loginCookie } from '../support/auth'
import { seedIsolationWorld, type IsolationWorld } from '../support/isolation-fixtures'
import { findResidue } from '../support/residue'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, slugParams, useLanguageModel } from './oracle-world'

let db: TestDatabase
let world: IsolationWorld

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  world = await seedIsolationWorld(db)
  invalidateTenantRoutes()
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

// The platform's own chain keeps its record of the tenant (created, changed, deleted, by whom):
// docs/data-rights.md.
const PLATFORM_RECORD = { 'public.audit_logs': 'tenant_id is null' }

describe('deleting a tenant', () => {
  it('leaves no row in any table holding the tenant’s id but the platform’s own audit record, and the other tenant keeps all of its rows', async () => {
    const { home, other } = world
    const member = await loginCookie(db, home.userId)
    const asked = await ask(
      oracleRequest(home.slug, { input: 'A member asks before the end' }, { cookie: member }),
      slugParams({ slug: home.slug }),
    )
    expect(asked.status).toBe(200)
    const visitor = await ask(oracleRequest(home.slug, { input: 'A visitor asks too' }), slugParams({ slug: home.slug }))
    expect(visitor.status).toBe(200)

    const before = await findResidue(db, [home.id], PLATFORM_RECORD)
    expect(before.length).toBeGreaterThan(10)
    const otherBefore = await findResidue(db, [other.id])

    await deleteTenant(actingAs(db, { sub: world.platformAdminId, email: 'platform@admin.test' }), home.id, home.slug)

    expect(await findResidue(db, [home.id], PLATFORM_RECORD)).toEqual([])
    expect(await findResidue(db, [other.id])).toEqual(otherBefore)
    const platform = await withService(db, (tx) => tx.query<{ ok: boolean }>('select ok from app_private.verify_audit_chain(null)'))
    expect(platform[0]?.ok).toBe(true)
  })
})
