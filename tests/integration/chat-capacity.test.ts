import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDatabaseForTests, withAnon, withService, withUser, type Claims } from '@/lib/db'
import { readChatCapacity } from '@/lib/multi-tenant/usage'
import { invalidateTenantRoutes, resolveTenantBySlug } from '@/lib/multi-tenant/tenants/directory'
import { addMember, createTenant, createUser, makePlatformAdmin } from '../support/auth'
import { createTestDatabase, type TestDatabase } from '../support/test-database'

/*
 * The chat knows before anyone types whether this month's limits still let it take a
 * question (app_private.chat_capacity), under the caller's own role: members and visitors
 * of the tenant get the answer, anyone else gets nothing. It applies the same conditions
 * as the counting functions and changes no counter.
 */

let db: TestDatabase
let tenantId = ''
let otherId = ''
let publicId = ''
const claims: Record<'user' | 'viewer' | 'outsider' | 'platform', Claims> = {
  user: { sub: '' },
  viewer: { sub: '' },
  outsider: { sub: '' },
  platform: { sub: '' },
}

async function setUsage(id: string, usage: { conversations?: number; tokens?: number }) {
  await withService(db, (tx) =>
    tx.query(
      `insert into public.tenant_usage (tenant_id, period, conversations, tokens_in)
       values ($1, app_private.usage_period(), $2, $3)
       on conflict (tenant_id, period) do update set conversations = excluded.conversations, tokens_in = excluded.tokens_in`,
      [id, usage.conversations ?? 0, usage.tokens ?? 0],
    ),
  )
}

async function setLimits(id: string, limits: Record<string, number | null>) {
  await withService(db, (tx) =>
    tx.query('update public.tenants set limits = limits || $2::jsonb where id = $1', [id, JSON.stringify(limits)]),
  )
}

const asUser = (who: keyof typeof claims, id = tenantId) => withUser(db, claims[who], (tx) => readChatCapacity(tx, id))
const usageRow = (id: string) =>
  withService(db, (tx) => tx.query<{ conversations: number }>('select conversations from public.tenant_usage where tenant_id = $1', [id]))

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  invalidateTenantRoutes()
  tenantId = (await createTenant(db, { slug: 'capacity-home', limits: { conversationsPerMonth: 2, tokensPerMonth: 1000 } })).id
  otherId = (await createTenant(db, { slug: 'capacity-other' })).id
  publicId = (await createTenant(db, { slug: 'capacity-open', publicAccess: true, limits: { conversationsPerMonth: 1 } })).id
  for (const [who, role] of [
    ['user', 'user'],
    ['viewer', 'viewer'],
    ['outsider', null],
    ['platform', null],
  ] as const) {
    const person = await createUser(db, { email: `capacity-${who}@example.com` })
    if (role) await addMember(db, tenantId, person.userId, role)
    claims[who] = { sub: person.userId, email: person.email }
    if (who === 'platform') await makePlatformAdmin(db, person.userId)
  }
  await addMember(db, otherId, claims.outsider.sub ?? '', 'admin')
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  invalidateTenantRoutes()
  await db.close()
})

describe('app_private.chat_capacity', () => {
  it('lets a member start threads and get answers while both limits have room', async () => {
    await setUsage(tenantId, { conversations: 1, tokens: 999 })
    expect(await asUser('user')).toEqual({ newThreads: true, answers: true, memberQuota: null })
    expect(await asUser('platform')).toEqual({ newThreads: true, answers: true, memberQuota: null })
  })

  it('closes new threads only when the month’s conversations are used up', async () => {
    await setUsage(tenantId, { conversations: 2, tokens: 10 })
    expect(await asUser('user')).toEqual({ newThreads: false, answers: true, memberQuota: null })
  })

  it('closes every answer when the month’s tokens are used up', async () => {
    await setUsage(tenantId, { conversations: 0, tokens: 1000 })
    expect(await asUser('user')).toEqual({ newThreads: false, answers: false, memberQuota: null })
  })

  it('treats a null limit as unlimited', async () => {
    await setLimits(tenantId, { conversationsPerMonth: null, tokensPerMonth: null })
    await setUsage(tenantId, { conversations: 100_000, tokens: 9_000_000 })
    expect(await asUser('user')).toEqual({ newThreads: true, answers: true, memberQuota: null })
  })

  it('reads without counting: asking twice leaves the usage row as it was', async () => {
    const before = await usageRow(tenantId)
    await asUser('user')
    await asUser('user')
    expect(await usageRow(tenantId)).toEqual(before)
  })

  it('says which of their own tier allowances a member has used up, and nothing of anyone else’s', async () => {
    const [tier] = await withService(db, (tx) =>
      tx.query<{ id: string }>(
        "insert into public.tenant_member_tiers (tenant_id, name, messages_per_month, tokens_per_month) values ($1, 'Capacity', 3, 500) returning id",
        [tenantId],
      ),
    )
    const setMine = (messages: number, tokens: number) =>
      withService(db, (tx) =>
        tx.query(
          `insert into public.tenant_member_usage (tenant_id, user_id, period, messages, tokens_in)
           values ($1, $2, app_private.usage_period(), $3, $4)
           on conflict (tenant_id, user_id, period) do update set messages = excluded.messages, tokens_in = excluded.tokens_in`,
          [tenantId, claims.user.sub, messages, tokens],
        ),
      )
    await withService(db, (tx) =>
      tx.query('update public.tenant_users set tier_id = $3 where tenant_id = $1 and user_id = $2', [tenantId, claims.user.sub, tier?.id]),
    )
    await setMine(2, 499)
    expect(await asUser('user')).toMatchObject({ memberQuota: null })
    await setMine(3, 0)
    expect(await asUser('user')).toMatchObject({ memberQuota: 'messages' })
    await setMine(0, 500)
    expect(await asUser('user')).toMatchObject({ memberQuota: 'tokens' })
    // The tier is the member's own: a platform admin reading the same tenant is not held back by it.
    expect(await asUser('platform')).toMatchObject({ memberQuota: null })
    await withService(db, (tx) => tx.query('update public.tenant_users set tier_id = null where tenant_id = $1', [tenantId]))
    expect(await asUser('user')).toMatchObject({ memberQuota: null })
  })

  it("tells a viewer (who cannot ask) and another tenant's admin nothing", async () => {
    expect(await asUser('viewer')).toBeNull()
    expect(await asUser('outsider')).toBeNull()
    expect(await asUser('outsider', otherId)).toEqual({ newThreads: true, answers: true, memberQuota: null })
  })

  it('answers a visitor of a public tenant, and no visitor of a private one', async () => {
    await setUsage(publicId, { conversations: 1 })
    expect(await withAnon(db, { tenant_id: publicId }, (tx) => readChatCapacity(tx, publicId))).toEqual({
      newThreads: false,
      answers: true,
      memberQuota: null,
    })
    expect(await withAnon(db, { tenant_id: tenantId }, (tx) => readChatCapacity(tx, tenantId))).toBeNull()
    expect(await withAnon(db, { tenant_id: publicId }, (tx) => readChatCapacity(tx, tenantId))).toBeNull()
  })
})

describe('the routing record', () => {
  it("carries the tenant's colour, so a signed-out page shows it without reading the tenant's settings", async () => {
    await withService(db, (tx) =>
      tx.query(`update public.tenants set elemental_signature = '{"primary": "water"}' where id = $1`, [otherId]),
    )
    invalidateTenantRoutes()
    expect((await resolveTenantBySlug('capacity-other'))?.element).toBe('water')
    expect((await resolveTenantBySlug('capacity-home'))?.element).toBe('aether')
  })
})
