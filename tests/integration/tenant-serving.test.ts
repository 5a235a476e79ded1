import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDatabaseForTests, withAnon, withService, withUser } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { loadOracleProfile } from '@/lib/multi-tenant/oracle'
import { getTenant, invalidateTenantRoutes, resolveTenantById } from '@/lib/multi-tenant/tenants'
import type { TenantStatus } from '@/lib/contracts/tenants'
import { addMember, createTenant, createUser, makePlatformAdmin } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/*
 * "Is this tenant serving" has one owner, app_private.tenant_serving (with
 * tenant_effective_status). Every reader (the directory, the oracle's profile, the
 * visitor policy, the admin record) must give the same answer for each case; a reader
 * that decided for itself again would drift on one of these rows.
 */

const DAY = 86_400_000
const CASES: { label: string; status: TenantStatus; trialEndsAt: Date | null; effective: TenantStatus; serving: boolean }[] = [
  { label: 'active', status: 'active', trialEndsAt: null, effective: 'active', serving: true },
  { label: 'trial-open', status: 'trial', trialEndsAt: null, effective: 'trial', serving: true },
  { label: 'trial-running', status: 'trial', trialEndsAt: new Date(Date.now() + DAY), effective: 'trial', serving: true },
  { label: 'trial-ended', status: 'trial', trialEndsAt: new Date(Date.now() - DAY), effective: 'suspended', serving: false },
  { label: 'suspended', status: 'suspended', trialEndsAt: null, effective: 'suspended', serving: false },
  { label: 'cancelled', status: 'cancelled', trialEndsAt: null, effective: 'cancelled', serving: false },
]

let db: TestDatabase
let admin: { sub: string; email: string }
let member: { sub: string; email: string }
const tenants = new Map<string, string>()

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  const adminUser = await createUser(db, { email: 'admin@serving.test' })
  await makePlatformAdmin(db, adminUser.userId)
  admin = { sub: adminUser.userId, email: adminUser.email }
  const memberUser = await createUser(db, { email: 'member@serving.test' })
  member = { sub: memberUser.userId, email: memberUser.email }
  for (const c of CASES) {
    const tenant = await createTenant(db, {
      slug: `serving-${c.label}`,
      status: c.status,
      publicAccess: true,
      trialEndsAt: c.trialEndsAt,
    })
    await addMember(db, tenant.id, memberUser.userId, 'user')
    tenants.set(c.label, tenant.id)
  }
  invalidateTenantRoutes()
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

describe('whether a tenant is serving', () => {
  it.each(CASES)('gets the same answer from every reader: $label', async (c) => {
    const id = tenants.get(c.label) ?? ''
    const [owner] = await withService(db, (tx) =>
      tx.query<{ serving: boolean; effective: string }>(
        `select app_private.tenant_serving(status, trial_ends_at) as serving,
                app_private.tenant_effective_status(status, trial_ends_at) as effective
           from public.tenants where id = $1`,
        [id],
      ),
    )
    expect(owner).toEqual({ serving: c.serving, effective: c.effective })

    expect((await resolveTenantById(id))?.serving).toBe(c.serving)
    expect((await getTenant(actingAs(db, admin), id)).effectiveStatus).toBe(c.effective)

    const profile = withUser(db, member, (tx) => loadOracleProfile(tx, id))
    if (c.serving) await expect(profile).resolves.toMatchObject({ tenantId: id })
    else await expect(profile).rejects.toMatchObject({ code: 'tenant_inactive' })

    const visible = await withAnon(db, { tenant_id: id }, (tx) => tx.query('select id from public.tenants where id = $1', [id]))
    expect(visible.length).toBe(c.serving ? 1 : 0)
  })
})
