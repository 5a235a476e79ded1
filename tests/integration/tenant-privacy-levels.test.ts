import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PUT as updateRoute } from '@/app/api/admin/tenants/[id]/route'
import { POST as acceptRoute } from '@/app/api/auth/invitations/accept/route'
import { POST as loginRoute } from '@/app/api/auth/login/route'
import { POST as signupRoute } from '@/app/api/auth/signup/route'
import { POST as verifyRoute } from '@/app/api/auth/verify-email/route'
import { POST as decideRoute } from '@/app/api/tenant/[slug]/access-requests/[id]/decision/route'
import { POST as fileRoute } from '@/app/api/tenant/[slug]/access-requests/route'
import { POST as oracleRoute } from '@/app/api/tenant/[slug]/oracle/route'
import { tenantResponseSchema } from '@/lib/contracts/tenants'
import { setDatabaseForTests, withAnon, withService } from '@/lib/db'
import { migrate } from '@/lib/db/migrate'
import { openPglite } from '@/lib/db/pglite-driver'
import { invitationTokenHash } from '@/lib/multi-tenant/members/invitations'
import { resolveTenantById } from '@/lib/multi-tenant/tenants'
import { invalidateTenantRoutes } from '@/lib/multi-tenant/tenants/directory'
import { apiRequest, cookieFrom, createTenant, makePlatformAdmin, withoutParams } from '../support/auth'
import { mailedToken, VERIFY_LINK } from '../support/mailbox'
import { answer, expectContract } from '../support/route-calls'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { oracleRequest, setTenantColumns, signedInMember, slugParams, useLanguageModel, type Member } from './oracle-world'

/*
 * A tenant's privacy level (public, members, restricted): the migration that turned the
 * public/members-only switch into it keeps every tenant as it was; who may set restricted;
 * the older `publicAccess` field still works; and a restricted tenant lets nobody in except
 * through an approved access request or an invitation, with two-factor sign-in on top when
 * its admins require it.
 */

let db: TestDatabase
let admin: Member
let root: Member
let tenant: { id: string; slug: string }

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  tenant = await createTenant(db, { slug: 'privy-firm', name: 'Privy Firm' })
  admin = await signedInMember(db, tenant.id, 'admin@privy.test', 'admin')
  root = await signedInMember(db, null, 'root@privy.test')
  await makePlatformAdmin(db, root.userId)
})

afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const put = (who: Member, body: unknown, id = tenant.id) =>
  answer(updateRoute, { id }, `/api/admin/tenants/${id}`, { method: 'PUT', body, cookie: who.cookie })
const levelOf = async (id = tenant.id) =>
  (await withService(db, (tx) => tx.query<{ level: string }>('select privacy_level as level from public.tenants where id = $1', [id])))[0]
    ?.level
const ask = async (slug: string, cookie?: string) =>
  (await oracleRoute(oracleRequest(slug, { input: 'Hello?' }, { cookie }), slugParams({ slug }))).status

describe('the migration from public_access', () => {
  it('makes public tenants public and the others members, leaving their updated_at alone', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'oracle-privacy-'))
    const fresh = await openPglite()
    try {
      const mine = (file: string) => file.endsWith('.sql') && file >= '20261206010000'
      cpSync(path.join(process.cwd(), 'supabase/local'), path.join(root, 'supabase/local'), { recursive: true })
      cpSync(path.join(process.cwd(), 'supabase/migrations'), path.join(root, 'supabase/migrations'), {
        recursive: true,
        filter: (source) => !mine(path.basename(source)),
      })
      expect(readdirSync(path.join(root, 'supabase/migrations')).some(mine)).toBe(false)
      await migrate(fresh, root)
      await withService(fresh, (tx) =>
        tx.query(`insert into public.tenants (slug, name, public_access, updated_at) values
                    ('was-open', 'Was open', true, '2026-01-01T00:00:00Z'), ('was-closed', 'Was closed', false, '2026-01-01T00:00:00Z')`),
      )
      cpSync(path.join(process.cwd(), 'supabase/migrations'), path.join(root, 'supabase/migrations'), { recursive: true })
      await migrate(fresh, root)
      const rows = await withService(fresh, (tx) =>
        tx.query<{ slug: string; privacy_level: string; public_access: boolean; updated_at: Date }>(
          'select slug, privacy_level, public_access, updated_at from public.tenants order by slug',
        ),
      )
      expect(rows.map((row) => [row.slug, row.privacy_level, row.public_access, new Date(row.updated_at).toISOString()])).toEqual([
        ['was-closed', 'members', false, '2026-01-01T00:00:00.000Z'],
        ['was-open', 'public', true, '2026-01-01T00:00:00.000Z'],
      ])
    } finally {
      await fresh.close()
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('generates public_access from the level, for every reader; nobody writes it', async () => {
    const open = await createTenant(db, { slug: 'privy-open', privacyLevel: 'public' })
    const visible = (id: string) => withAnon(db, { tenant_id: id }, (tx) => tx.query('select id from public.tenants where id = $1', [id]))
    expect(await visible(open.id)).toHaveLength(1)
    await setTenantColumns(db, open.id, "privacy_level = 'members'")
    expect(await visible(open.id)).toHaveLength(0)
    expect((await resolveTenantById(open.id))?.publicAccess).toBe(false)
    await expect(
      withService(db, (tx) => tx.query('update public.tenants set public_access = true where id = $1', [open.id])),
    ).rejects.toThrow()
  })
})

describe('who sets the level', () => {
  it('a tenant admin chooses public or members, audited; restricted needs the platform (403) until it is granted', async () => {
    expect(expectContract(tenantResponseSchema, await put(admin, { privacyLevel: 'public' }), 200).tenant).toMatchObject({
      privacyLevel: 'public',
      publicAccess: true,
    })
    expect(await ask(tenant.slug)).toBe(200)
    expect((await put(admin, { privacyLevel: 'members' })).status).toBe(200)
    expect(await ask(tenant.slug)).toBe(401)
    const refused = await put(admin, { privacyLevel: 'restricted' })
    expect(refused.status).toBe(403)
    expect(await levelOf()).toBe('members')

    const audit = await withService(db, (tx) =>
      tx.query<{ before: object; after: object }>(
        "select before, after from public.audit_logs where tenant_id = $1 and action = 'tenant.update' order by id desc limit 1",
        [tenant.id],
      ),
    )
    expect(audit[0]).toEqual({ before: { privacyLevel: 'public' }, after: { privacyLevel: 'members' } })

    expect((await put(root, { privacyLevel: 'restricted' })).status).toBe(200)
    expect((await put(admin, { privacyLevel: 'members' })).status).toBe(200)
    await setTenantColumns(db, tenant.id, `features = '{"restrictedAccess": true}'::jsonb`)
    expect((await put(admin, { privacyLevel: 'restricted' })).status).toBe(200)
    expect(await levelOf()).toBe('restricted')
  })

  it('still takes the older publicAccess: true is public, false leaves only public (restricted stays restricted)', async () => {
    const legacy = await createTenant(db, { slug: 'privy-legacy' })
    const legacyAdmin = await signedInMember(db, legacy.id, 'admin@privy-legacy.test', 'admin')
    await put(legacyAdmin, { publicAccess: true }, legacy.id)
    expect(await levelOf(legacy.id)).toBe('public')
    await put(legacyAdmin, { publicAccess: false }, legacy.id)
    expect(await levelOf(legacy.id)).toBe('members')
    await put(root, { privacyLevel: 'restricted' }, legacy.id)
    await put(legacyAdmin, { publicAccess: false }, legacy.id)
    expect(await levelOf(legacy.id)).toBe('restricted')
    const conflicting = await put(legacyAdmin, { publicAccess: true, privacyLevel: 'members' }, legacy.id)
    expect(conflicting.status).toBe(400)
    expect((conflicting.body as { error: { details: { fields: object } } }).error.details.fields).toHaveProperty('publicAccess')
    expect((await put(legacyAdmin, { privacyLevel: 'secret' }, legacy.id)).status).toBe(400)
  })
})

describe('a restricted tenant', () => {
  let restricted: { id: string; slug: string }
  let restrictedAdmin: Member

  beforeAll(async () => {
    restricted = await createTenant(db, { slug: 'privy-vault', name: 'Privy Vault' })
    restrictedAdmin = await signedInMember(db, restricted.id, 'admin@privy-vault.test', 'admin')
    await setTenantColumns(db, restricted.id, "privacy_level = 'restricted'")
  })

  it('blocks a plain sign-up from joining: the account is no member, and not even the server can add it', async () => {
    const signup = withoutParams(signupRoute)
    const verify = withoutParams(verifyRoute)
    const login = withoutParams(loginRoute)
    const email = 'walk-in@privy.test'
    const password = 'a walk-in passphrase'
    expect((await signup(apiRequest('/api/auth/signup', { body: { email, password } }))).status).toBe(202)
    expect(
      (await verify(apiRequest('/api/auth/verify-email', { body: { token: await mailedToken(db, email, VERIFY_LINK) } }))).status,
    ).toBe(200)
    const cookie = cookieFrom(await login(apiRequest('/api/auth/login', { body: { email, password } })))
    expect(cookie).not.toBe('')
    expect(await ask(restricted.slug, cookie)).toBe(403)
    const user = await withService(db, (tx) => tx.query<{ id: string }>('select id from auth.users where email = $1', [email]))
    await expect(
      withService(db, (tx) =>
        tx.query("insert into public.tenant_users (tenant_id, user_id, role) values ($1, $2, 'user')", [restricted.id, user[0]?.id]),
      ),
    ).rejects.toMatchObject({ code: 'OR403' })
  })

  it('lets in an invited person and an approved requester; with two-factor required, the newcomer must turn it on first', async () => {
    const invited = await signedInMember(db, null, 'invited@privy-vault.test')
    await withService(db, (tx) =>
      tx.query(`insert into public.tenant_invitations (tenant_id, email, role, token_hash, invited_by) values ($1, $2, 'user', $3, $4)`, [
        restricted.id,
        invited.email,
        invitationTokenHash('vault-invitation-token'),
        restrictedAdmin.userId,
      ]),
    )
    const accepted = await answer(withoutParams(acceptRoute), {}, '/api/auth/invitations/accept', {
      method: 'POST',
      body: { token: 'vault-invitation-token' },
      cookie: invited.cookie,
    })
    expect(accepted.status).toBe(200)
    expect(await ask(restricted.slug, invited.cookie)).toBe(200)

    await setTenantColumns(db, restricted.id, 'require_two_factor = true')
    const asker = await signedInMember(db, null, 'asker@privy-vault.test')
    const filed = await answer(fileRoute, { slug: restricted.slug }, `/api/tenant/${restricted.slug}/access-requests`, {
      method: 'POST',
      body: { message: 'I am the new auditor.' },
      cookie: asker.cookie,
    })
    const id = (filed.body as { request: { id: string } }).request.id
    // The admin has no second factor either: as the tenant requires one, they must turn it on to decide.
    await withService(db, (tx) =>
      tx.query("insert into public.user_two_factor (user_id, secret_ciphertext, enabled_at) values ($1, 'v1:test:iv:sealed', now())", [
        restrictedAdmin.userId,
      ]),
    )
    invalidateTenantRoutes()
    const decided = await answer(
      decideRoute,
      { slug: restricted.slug, id },
      `/api/tenant/${restricted.slug}/access-requests/${id}/decision`,
      {
        method: 'POST',
        body: { decision: 'approve', role: 'user' },
        cookie: restrictedAdmin.cookie,
      },
    )
    expect(decided.status).toBe(200)
    const refused = await oracleRoute(
      oracleRequest(restricted.slug, { input: 'Hello?' }, { cookie: asker.cookie }),
      slugParams({ slug: restricted.slug }),
    )
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('two_factor_setup_required')
  })
})
