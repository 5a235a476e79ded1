import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withService, withUser } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { tenantCreateSchema, tenantUpdateSchema } from '@/lib/contracts/tenants'
import { createTenant, getTenant, listTenants, updateTenant } from '@/lib/multi-tenant/tenants/tenants'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { actorOf, buildAdminWorld, type AdminWorld } from './admin-world'

let db: TestDatabase
let world: AdminWorld

beforeAll(async () => {
  db = await createTestDatabase()
  world = await buildAdminWorld(db, 'svc')
})
afterAll(async () => {
  await db.close()
})

const create = (body: Record<string, unknown>) => tenantCreateSchema.parse(body)
const change = (body: Record<string, unknown>) => tenantUpdateSchema.parse(body)

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

async function auditActions(tenantId: string): Promise<string[]> {
  const rows = await withService(db, (tx) =>
    tx.query<{ action: string }>('select action from public.audit_logs where tenant_id = $1 order by id', [tenantId]),
  )
  return rows.map((row) => row.action)
}

describe('creating tenants', () => {
  it('gives a starter tenant the starter limits and answers in camelCase', async () => {
    const tenant = await createTenant(actorOf(db, world.platformAdmin), create({ name: 'Acme', slug: 'acme-starter' }))
    expect(tenant).toMatchObject({
      slug: 'acme-starter',
      planTier: 'starter',
      limits: { conversationsPerMonth: 1000, tokensPerMonth: null, storageMb: 10240, members: null },
      status: 'active',
      effectiveStatus: 'active',
      publicAccess: false,
      elementalSignature: { primary: 'aether' },
    })
    expect(tenant.brandVoice.tone).toBeTruthy()
  })

  it('defaults professional and enterprise limits from the plan and lets an explicit override win', async () => {
    const pro = await createTenant(actorOf(db, world.platformAdmin), create({ name: 'Pro', slug: 'pro-plan', planTier: 'professional' }))
    expect(pro.limits).toEqual({ conversationsPerMonth: 10000, tokensPerMonth: null, storageMb: 51200, members: null })
    const big = await createTenant(actorOf(db, world.platformAdmin), create({ name: 'Big', slug: 'big-plan', planTier: 'enterprise' }))
    expect(big.limits).toEqual({ conversationsPerMonth: null, tokensPerMonth: null, storageMb: null, members: null })
    const custom = await createTenant(
      actorOf(db, world.platformAdmin),
      create({ name: 'Custom', slug: 'custom-plan', planTier: 'professional', limits: { members: 25, storageMb: 1024 } }),
    )
    expect(custom.limits).toEqual({ conversationsPerMonth: 10000, tokensPerMonth: null, storageMb: 1024, members: 25 })
  })

  it("records tenant.create in the new tenant's own audit chain", async () => {
    const tenant = await createTenant(actorOf(db, world.platformAdmin), create({ name: 'Audited', slug: 'audited-co' }))
    const rows = await withService(db, (tx) =>
      tx.query<{ action: string; actor_id: string; ip: string; after: { slug: string } }>(
        'select action, actor_id, ip, after from public.audit_logs where tenant_id = $1',
        [tenant.id],
      ),
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ action: 'tenant.create', actor_id: world.platformAdmin.userId, ip: '203.0.113.7' })
    expect(rows[0]?.after.slug).toBe('audited-co')
  })

  it('names the field of a duplicate slug or domain in a 409', async () => {
    await createTenant(actorOf(db, world.platformAdmin), create({ name: 'Dup', slug: 'dup-one', domain: 'chat.dup.example' }))
    const slugClash = await failure(createTenant(actorOf(db, world.platformAdmin), create({ name: 'Dup', slug: 'dup-one' })))
    expect(slugClash.status).toBe(409)
    expect(slugClash.details).toEqual({ fields: { slug: 'is already taken' } })
    const domainClash = await failure(
      createTenant(actorOf(db, world.platformAdmin), create({ name: 'Dup', slug: 'dup-two', domain: 'CHAT.dup.example' })),
    )
    expect(domainClash.status).toBe(409)
    expect(domainClash.details).toEqual({ fields: { domain: 'is already taken' } })
  })

  it('refuses a custom domain inside the platform domain', async () => {
    const error = await failure(
      createTenant(actorOf(db, world.platformAdmin), create({ name: 'Sneaky', slug: 'sneaky', domain: 'admin.localhost' })),
    )
    expect(error.status).toBe(400)
  })

  it('refuses tenant admins, members and strangers with 403', async () => {
    for (const person of [world.home.admin, world.home.user, world.loner]) {
      const error = await failure(createTenant(actorOf(db, person), create({ name: 'Nope', slug: 'nope-tenant' })))
      expect(error.status).toBe(403)
    }
  })

  it('gives a trial without an end date fourteen days', async () => {
    const tenant = await createTenant(actorOf(db, world.platformAdmin), create({ name: 'Trial', slug: 'trial-co', status: 'trial' }))
    const days = (Date.parse(tenant.trialEndsAt ?? '') - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(13.9)
    expect(days).toBeLessThanOrEqual(14)
    expect(tenant.effectiveStatus).toBe('trial')
  })
})

describe('reading tenants', () => {
  it('lists every tenant for a platform admin and only administered ones for others', async () => {
    const all = await listTenants(actorOf(db, world.platformAdmin))
    expect(all.map((t) => t.id)).toEqual(expect.arrayContaining([world.home.id, world.other.id]))
    expect((await listTenants(actorOf(db, world.home.admin))).map((t) => t.id)).toEqual([world.home.id])
    expect(await listTenants(actorOf(db, world.home.user))).toEqual([])
    expect(await listTenants(actorOf(db, world.home.viewer))).toEqual([])
    expect(await listTenants(actorOf(db, world.loner))).toEqual([])
  })

  it('answers 404 for another tenant, an unknown id or a malformed id, and 403 for a non-admin member', async () => {
    expect((await getTenant(actorOf(db, world.home.admin), world.home.id)).slug).toBe(world.home.slug)
    expect((await failure(getTenant(actorOf(db, world.other.admin), world.home.id))).status).toBe(404)
    expect((await failure(getTenant(actorOf(db, world.home.admin), '00000000-0000-4000-8000-000000000000'))).status).toBe(404)
    expect((await failure(getTenant(actorOf(db, world.home.admin), 'not-a-uuid'))).status).toBe(404)
    expect((await failure(getTenant(actorOf(db, world.home.viewer), world.home.id))).status).toBe(403)
    expect((await failure(getTenant(actorOf(db, world.home.user), world.home.id))).status).toBe(403)
  })

  it('shows a trial past its end as effectively suspended', async () => {
    const tenant = await createTenant(
      actorOf(db, world.platformAdmin),
      create({ name: 'Expired', slug: 'expired-trial', status: 'trial', trialEndsAt: '2020-01-01T00:00:00Z' }),
    )
    expect(tenant.status).toBe('trial')
    expect(tenant.effectiveStatus).toBe('suspended')
  })
})

describe('updating tenants', () => {
  it('lets a tenant admin change voice, personality, signature and visitor access, audited per group', async () => {
    const before = await auditActions(world.home.id)
    const updated = await updateTenant(
      actorOf(db, world.home.admin),
      world.home.id,
      change({
        name: 'Home, renamed',
        brandVoice: { tone: 'formal', style: 'precise' },
        maiaPersonality: { name: 'Iris' },
        elementalSignature: { primary: 'earth', secondary: 'air' },
        publicAccess: true,
      }),
    )
    expect(updated).toMatchObject({
      name: 'Home, renamed',
      brandVoice: { tone: 'formal', style: 'precise' },
      maiaPersonality: { name: 'Iris' },
      elementalSignature: { primary: 'earth', secondary: 'air' },
      publicAccess: true,
    })
    expect((await auditActions(world.home.id)).slice(before.length)).toEqual(['tenant.update', 'personality.update'])
  })

  it('refuses a tenant admin who tries to change plan, limits, features, status, slug or domain, and writes nothing', async () => {
    const attempts = [
      { planTier: 'enterprise' },
      { limits: { conversationsPerMonth: null } },
      { features: { sso: true } },
      { status: 'active', trialEndsAt: '2099-01-01T00:00:00Z' },
      { slug: 'home-stolen' },
      { domain: 'home.example.org' },
    ]
    const before = await auditActions(world.home.id)
    for (const body of attempts) {
      const error = await failure(updateTenant(actorOf(db, world.home.admin), world.home.id, change(body)))
      expect(error.status, JSON.stringify(body)).toBe(403)
      expect(error.message).toMatch(/platform admin/)
    }
    const tenant = await getTenant(actorOf(db, world.home.admin), world.home.id)
    expect(tenant.planTier).toBe('starter')
    expect(await auditActions(world.home.id)).toEqual(before)
  })

  it('lets a tenant admin send unchanged platform fields back (a form that posts everything)', async () => {
    const tenant = await getTenant(actorOf(db, world.home.admin), world.home.id)
    const updated = await updateTenant(
      actorOf(db, world.home.admin),
      world.home.id,
      change({ planTier: tenant.planTier, slug: tenant.slug, limits: tenant.limits, name: 'Home Tenant' }),
    )
    expect(updated.name).toBe('Home Tenant')
  })

  it('writes nothing when the values are the same, whatever order their keys come in', async () => {
    const tenant = await getTenant(actorOf(db, world.home.admin), world.home.id)
    const before = await auditActions(world.home.id)
    const reversed = Object.fromEntries(Object.entries(tenant.maiaPersonality).reverse())
    const updated = await updateTenant(actorOf(db, world.home.admin), world.home.id, change({ maiaPersonality: reversed }))
    expect(updated.updatedAt).toBe(tenant.updatedAt)
    expect(await auditActions(world.home.id)).toEqual(before)
  })

  it('backs the 403 with the database: a tenant admin updating plan_tier directly is refused', async () => {
    const error = await withUser(db, actorOf(db, world.home.admin).claims, (tx) =>
      tx.query("update public.tenants set plan_tier = 'enterprise' where id = $1", [world.home.id]),
    ).catch((caught: unknown) => caught as { code?: string })
    expect(error).toMatchObject({ code: 'OR403' })
  })

  it("refuses users and viewers with 403 and another tenant's admin with 404", async () => {
    const body = change({ name: 'Hijacked' })
    expect((await failure(updateTenant(actorOf(db, world.home.user), world.home.id, body))).status).toBe(403)
    expect((await failure(updateTenant(actorOf(db, world.home.viewer), world.home.id, body))).status).toBe(403)
    expect((await failure(updateTenant(actorOf(db, world.other.admin), world.home.id, body))).status).toBe(404)
  })

  it('resets limits to the new plan on a plan change, keeps overrides named with it, and audits plan.update', async () => {
    const upgraded = await updateTenant(
      actorOf(db, world.platformAdmin),
      world.other.id,
      change({ planTier: 'professional', limits: { members: 40 } }),
    )
    expect(upgraded.limits).toEqual({ conversationsPerMonth: 10000, tokensPerMonth: null, storageMb: 51200, members: 40 })
    const adjusted = await updateTenant(actorOf(db, world.platformAdmin), world.other.id, change({ limits: { tokensPerMonth: 5_000_000 } }))
    expect(adjusted.limits).toEqual({ conversationsPerMonth: 10000, tokensPerMonth: 5_000_000, storageMb: 51200, members: 40 })
    const rows = await withService(db, (tx) =>
      tx.query<{ before: { planTier?: string }; after: { planTier?: string } }>(
        "select before, after from public.audit_logs where tenant_id = $1 and action = 'plan.update' order by id",
        [world.other.id],
      ),
    )
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ before: { planTier: 'starter' }, after: { planTier: 'professional' } })
  })

  it('gives a 409 when a platform admin moves a tenant onto a taken slug', async () => {
    const error = await failure(updateTenant(actorOf(db, world.platformAdmin), world.other.id, change({ slug: world.home.slug })))
    expect(error.status).toBe(409)
  })
})
