import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PUT as updateTenantRoute } from '@/app/api/admin/tenants/[id]/route'
import { GET as listTenantsRoute } from '@/app/api/admin/tenants/route'
import { GET as conversationsRoute } from '@/app/api/tenant/[slug]/conversations/route'
import { POST as searchRoute } from '@/app/api/tenant/[slug]/knowledge/search/route'
import { setClockForTests } from '@/lib/auth/clock'
import { TOUCH_INTERVAL_MS } from '@/lib/auth/local/session-store'
import { setAdminsRequireTwoFactor } from '@/lib/auth/platform-settings'
import { tenantResponseSchema } from '@/lib/contracts/tenants'
import { setDatabaseForTests, withService, withUser } from '@/lib/db'
import { encryptSecret, keyRing, twoFactorSecretContext } from '@/lib/secrets'
import { loginCookie } from '@/tests/support/auth'
import { answer, expectContract } from '@/tests/support/route-calls'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'
import { buildAdminWorld, type AdminWorld, type Person } from './admin-world'

let db: TestDatabase
let world: AdminWorld
let clock = new Date('2026-12-03T09:00:00Z')
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms)
}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  setClockForTests(() => clock)
  world = await buildAdminWorld(db, 'policy')
})
afterEach(async () => {
  await setAdminsRequireTwoFactor(db, false)
  await withService(db, (tx) => tx.query('update public.tenants set require_two_factor = false, idle_timeout_minutes = null'))
})
afterAll(async () => {
  setClockForTests(undefined)
  setDatabaseForTests(undefined)
  await db.close()
})

/** Two-factor sign-in turned on for `person` (as enabling it leaves the rows). */
async function withSecondFactor(person: Person): Promise<void> {
  const sealed = encryptSecret(keyRing(), 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', twoFactorSecretContext(person.userId))
  await withService(db, (tx) =>
    tx.query(
      `insert into public.user_two_factor (user_id, secret_ciphertext, enabled_at) values ($1, $2, now())
       on conflict (user_id) do update set enabled_at = now()`,
      [person.userId, sealed],
    ),
  )
}
const withoutSecondFactor = (person: Person) =>
  withService(db, (tx) => tx.query('delete from public.user_two_factor where user_id = $1', [person.userId]))

const putTenant = (tenantId: string, cookie: string, body: unknown) =>
  answer(updateTenantRoute, { id: tenantId }, `/api/admin/tenants/${tenantId}`, { method: 'PUT', cookie, body })
const search = (slug: string, cookie: string) =>
  answer(searchRoute, { slug }, `/api/tenant/${slug}/knowledge/search`, { cookie, body: { query: 'opening hours' } })
const conversations = (slug: string, cookie: string) =>
  answer(conversationsRoute, { slug }, `/api/tenant/${slug}/conversations`, { cookie })
const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code

describe('a tenant that requires two-factor sign-in of its members', () => {
  it('is refused to an admin without two-factor sign-in of their own (409), so they cannot shut themselves out', async () => {
    const { home } = world
    const reply = await putTenant(home.id, await loginCookie(db, home.admin.userId), { requireTwoFactor: true })
    expect(reply.status).toBe(409)
    expect((reply.body as { error: { details: { fields: Record<string, string> } } }).error.details.fields.requireTwoFactor).toBeTruthy()
  })

  it('is set by an admin who has it, and the change is in the audit log', async () => {
    const { home } = world
    await withSecondFactor(home.admin)
    try {
      const reply = await putTenant(home.id, await loginCookie(db, home.admin.userId), { requireTwoFactor: true })
      expect(expectContract(tenantResponseSchema, reply, 200).tenant.requireTwoFactor).toBe(true)
      const audit = await withService(db, (tx) =>
        tx.query<{ after: unknown }>(
          "select after from public.audit_logs where tenant_id = $1 and action = 'tenant.update' order by created_at desc limit 1",
          [home.id],
        ),
      )
      expect(audit[0]?.after).toEqual({ requireTwoFactor: true })
    } finally {
      await withoutSecondFactor(home.admin)
    }
  })

  it('refuses a member without it on every route with 403 two_factor_setup_required, and lets them in once they turn it on', async () => {
    const { home } = world
    await withService(db, (tx) => tx.query('update public.tenants set require_two_factor = true where id = $1', [home.id]))
    const cookie = await loginCookie(db, home.user.userId)
    for (const reply of [await search(home.slug, cookie), await conversations(home.slug, cookie)]) {
      expect(reply.status).toBe(403)
      expect(errorCode(reply.body)).toBe('two_factor_setup_required')
      expect((reply.body as { error: { message: string } }).error.message).toMatch(/account page/)
    }
    await withSecondFactor(home.user)
    try {
      expect((await search(home.slug, cookie)).status).toBe(200)
      expect((await conversations(home.slug, cookie)).status).toBe(200)
    } finally {
      await withoutSecondFactor(home.user)
    }
  })

  it('hides its rows from such a member in the database as well, not only in the app', async () => {
    const { home } = world
    await withService(db, (tx) => tx.query('update public.tenants set require_two_factor = true where id = $1', [home.id]))
    const claims = { sub: home.viewer.userId, email: home.viewer.email }
    const facts = await withUser(db, claims, (tx) =>
      tx.query<{ role: string | null; two_factor_needed: string | null; tenants: number }>(
        `select f.role, f.two_factor_needed, (select count(*)::int from public.tenants where id = $1) as tenants
         from app_private.caller_facts($1) f`,
        [home.id],
      ),
    )
    expect(facts).toEqual([{ role: null, two_factor_needed: 'tenant', tenants: 0 }])
    await withSecondFactor(home.viewer)
    try {
      const after = await withUser(db, claims, (tx) =>
        tx.query<{ role: string | null }>('select role from app_private.caller_facts($1)', [home.id]),
      )
      expect(after).toEqual([{ role: 'viewer' }])
    } finally {
      await withoutSecondFactor(home.viewer)
    }
  })

  it('leaves the members of other tenants alone', async () => {
    const { home, other } = world
    await withService(db, (tx) => tx.query('update public.tenants set require_two_factor = true where id = $1', [home.id]))
    expect((await search(other.slug, await loginCookie(db, other.user.userId))).status).toBe(200)
  })
})

describe('platform admins, when the platform requires two-factor sign-in', () => {
  it('are refused the console API with 403 two_factor_setup_required, and are no platform admin to SQL, until they turn it on', async () => {
    const { platformAdmin } = world
    await setAdminsRequireTwoFactor(db, true)
    const cookie = await loginCookie(db, platformAdmin.userId)
    const refused = await answer(listTenantsRoute, {}, '/api/admin/tenants', { cookie })
    expect(refused.status).toBe(403)
    expect(errorCode(refused.body)).toBe('two_factor_setup_required')
    const claims = { sub: platformAdmin.userId, email: platformAdmin.email }
    const isAdmin = () => withUser(db, claims, (tx) => tx.query<{ admin: boolean }>('select app_private.is_platform_admin() as admin'))
    expect(await isAdmin()).toEqual([{ admin: false }])
    // Nor may they reach a tenant they are not a member of through the admin API.
    const home = await putTenant(world.home.id, cookie, { name: 'Renamed' })
    expect(errorCode(home.body)).toBe('two_factor_setup_required')

    await withSecondFactor(platformAdmin)
    try {
      expect(await isAdmin()).toEqual([{ admin: true }])
      expect((await answer(listTenantsRoute, {}, '/api/admin/tenants', { cookie })).status).toBe(200)
    } finally {
      await withoutSecondFactor(platformAdmin)
    }
  })

  it('keep their powers without it while the platform does not require it', async () => {
    const cookie = await loginCookie(db, world.platformAdmin.userId)
    expect((await answer(listTenantsRoute, {}, '/api/admin/tenants', { cookie })).status).toBe(200)
  })
})

describe("a tenant's idle timeout", () => {
  const sessionCount = (userId: string) =>
    withService(db, (tx) => tx.query<{ n: number }>('select count(*)::int as n from auth.local_sessions where user_id = $1', [userId]))

  it('is set by its admin (5 to 43200 minutes, or null) and refuses anything else with 400', async () => {
    const { home } = world
    const cookie = await loginCookie(db, home.admin.userId)
    expect(
      expectContract(tenantResponseSchema, await putTenant(home.id, cookie, { idleTimeoutMinutes: 15 }), 200).tenant.idleTimeoutMinutes,
    ).toBe(15)
    for (const bad of [4, 43_201, 7.5, '15']) expect((await putTenant(home.id, cookie, { idleTimeoutMinutes: bad })).status).toBe(400)
    expect(
      expectContract(tenantResponseSchema, await putTenant(home.id, cookie, { idleTimeoutMinutes: null }), 200).tenant.idleTimeoutMinutes,
    ).toBe(null)
  })

  it('signs out a session left idle longer than the timeout: the request is 401 and the session is gone', async () => {
    const { home } = world
    await withService(db, (tx) => tx.query('update public.tenants set idle_timeout_minutes = 15 where id = $1', [home.id]))
    const cookie = await loginCookie(db, home.user.userId)
    const before = (await sessionCount(home.user.userId))[0]?.n ?? 0
    advance(16 * 60_000)
    expect((await conversations(home.slug, cookie)).status).toBe(401)
    expect(await sessionCount(home.user.userId)).toEqual([{ n: before - 1 }])
  })

  it('keeps a session in use, recording its last use at most once a minute', async () => {
    const { home } = world
    await withService(db, (tx) => tx.query('update public.tenants set idle_timeout_minutes = 15 where id = $1', [home.id]))
    const cookie = await loginCookie(db, home.user.userId)
    const token = cookie.split('=')[1] ?? ''
    const lastSeen = async () =>
      new Date(
        (
          await withService(db, (tx) =>
            tx.query<{ last_seen_at: string }>(
              "select last_seen_at from auth.local_sessions where token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')",
              [token],
            ),
          )
        )[0]?.last_seen_at ?? 0,
      ).getTime()
    const started = clock.getTime()
    for (let minute = 0; minute < 4; minute++) {
      advance(14 * 60_000)
      expect((await conversations(home.slug, cookie)).status).toBe(200)
    }
    expect(await lastSeen()).toBe(clock.getTime())
    advance(TOUCH_INTERVAL_MS / 2)
    expect((await conversations(home.slug, cookie)).status).toBe(200)
    expect(await lastSeen()).toBe(started + 4 * 14 * 60_000)
  })

  it('does not apply to a tenant without one, nor to the other tenants of a session', async () => {
    const { home, other } = world
    await withService(db, (tx) => tx.query('update public.tenants set idle_timeout_minutes = 15 where id = $1', [home.id]))
    const cookie = await loginCookie(db, other.user.userId)
    advance(60 * 60_000)
    expect((await conversations(other.slug, cookie)).status).toBe(200)
  })
})
