import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELETE as revokeRoute } from '@/app/api/admin/tenants/[id]/api-keys/[keyId]/route'
import { GET as listRoute, POST as createRoute } from '@/app/api/admin/tenants/[id]/api-keys/route'
import { apiKeyListResponseSchema, createdApiKeyResponseSchema } from '@/lib/contracts/api-keys'
import { errorBodySchema } from '@/lib/contracts/errors'
import { setDatabaseForTests, withService } from '@/lib/db'
import { resolveKeyCaller } from '@/lib/multi-tenant/api-keys'
import { hashSecret } from '@/lib/multi-tenant/api-keys/secret'
import { addMember, createTenant, createUser, loginCookie, makePlatformAdmin } from '@/tests/support/auth'
import { answer, expectContract, expectNoContent } from '@/tests/support/route-calls'
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database'

let db: TestDatabase
let acme: { id: string }
let globex: { id: string }
type Who = 'platform' | 'acmeAdmin' | 'acmeUser' | 'globexAdmin' | 'anonymous'
const cookies: Record<Who, string | undefined> = {
  platform: undefined,
  acmeAdmin: undefined,
  acmeUser: undefined,
  globexAdmin: undefined,
  anonymous: undefined,
}
const userIds: Partial<Record<Who, string>> = {}

beforeAll(async () => {
  db = await createTestDatabase()
  setDatabaseForTests(db)
  acme = await createTenant(db, { slug: 'acme', name: 'Acme' })
  globex = await createTenant(db, { slug: 'globex', name: 'Globex' })
  const people = [
    ['platform', null, null],
    ['acmeAdmin', acme.id, 'admin'],
    ['acmeUser', acme.id, 'user'],
    ['globexAdmin', globex.id, 'admin'],
  ] as const
  for (const [name, tenantId, role] of people) {
    const user = await createUser(db, { email: `${name.toLowerCase()}@example.com` })
    if (tenantId && role) await addMember(db, tenantId, user.userId, role)
    if (name === 'platform') await makePlatformAdmin(db, user.userId)
    cookies[name] = await loginCookie(db, user.userId)
    userIds[name] = user.userId
  }
})
afterAll(async () => {
  setDatabaseForTests(undefined)
  await db.close()
})

const path = (tenantId: string) => `/api/admin/tenants/${tenantId}/api-keys`
const create = (who: Who, tenantId: string, body: unknown) =>
  answer(createRoute, { id: tenantId }, path(tenantId), { method: 'POST', cookie: cookies[who], body })
const list = (who: Who, tenantId: string) => answer(listRoute, { id: tenantId }, path(tenantId), { cookie: cookies[who] })
const revoke = (who: Who, tenantId: string, keyId: string) =>
  answer(revokeRoute, { id: tenantId, keyId }, `${path(tenantId)}/${keyId}`, { method: 'DELETE', cookie: cookies[who] })
const bearer = (secret: string) => new Headers({ authorization: `Bearer ${secret}` })
const auditRows = (tenantId: string, keyId: string) =>
  withService(db, (tx) =>
    tx.query<{ action: string; actor_id: string | null }>(
      "select action, actor_id from public.audit_logs where tenant_id = $1 and target_type = 'api_key' and target_id = $2 order by id",
      [tenantId, keyId],
    ),
  )

describe('creating a key', () => {
  it('shows the secret once, stores only its SHA-256, lists only its prefix, and audits the creation', async () => {
    const created = expectContract(
      createdApiKeyResponseSchema,
      await create('acmeAdmin', acme.id, { name: 'Website', scopes: ['chat', 'knowledge:read', 'chat'] }),
      201,
    )
    expect(created.secret).toMatch(/^oak_[A-Za-z0-9_-]{43}$/)
    expect(created.key).toMatchObject({ name: 'Website', scopes: ['chat', 'knowledge:read'], prefix: created.secret.slice(0, 12) })
    const stored = await withService(db, (tx) =>
      tx.query<{ secret_hash: string }>('select secret_hash from public.tenant_api_keys where id = $1', [created.key.id]),
    )
    expect(stored).toEqual([{ secret_hash: hashSecret(created.secret) }])
    const listed = await list('acmeAdmin', acme.id)
    expectContract(apiKeyListResponseSchema, listed, 200)
    expect(JSON.stringify(listed.body)).not.toContain(created.secret)
    expect(JSON.stringify(listed.body)).not.toContain(hashSecret(created.secret))
    expect((await auditRows(acme.id, created.key.id)).map((row) => row.action)).toEqual(['api_key.create'])
  })

  it('makes a key that acts for its tenant with its scopes, and one that expires', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString()
    const created = expectContract(
      createdApiKeyResponseSchema,
      await create('platform', acme.id, { name: 'Nightly import', scopes: ['knowledge:write'], expiresAt }),
      201,
    )
    expect(created.key.expiresAt).toBe(expiresAt)
    const caller = await resolveKeyCaller(bearer(created.secret))
    expect(caller).toMatchObject({ tenantId: acme.id, keyId: created.key.id, scopes: ['knowledge:write'] })
  })

  it('refuses bad bodies with 400 naming the field', async () => {
    const cases = [
      { name: '', scopes: ['chat'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['admin'] },
      { name: 'x', scopes: ['chat'], expiresAt: '2020-01-01T00:00:00Z' },
      { name: 'x', scopes: ['chat'], tenantId: globex.id },
    ]
    for (const body of cases) {
      const reply = await create('acmeAdmin', acme.id, body)
      expectContract(errorBodySchema, reply, 400)
    }
  })
})

describe('who may manage keys', () => {
  it('lets a tenant admin and a platform admin list; a member is 403, another tenant’s admin 404, nobody signed in 401', async () => {
    const statuses = await Promise.all(
      (['acmeAdmin', 'platform', 'acmeUser', 'globexAdmin', 'anonymous'] as Who[]).map((who) => list(who, acme.id)),
    )
    expect(statuses.map((reply) => reply.status)).toEqual([200, 200, 403, 404, 401])
  })

  it('refuses creation to a member and to another tenant’s admin, storing nothing', async () => {
    const before = (await list('acmeAdmin', acme.id)).body
    expect((await create('acmeUser', acme.id, { name: 'Sneaky', scopes: ['chat'] })).status).toBe(403)
    expect((await create('globexAdmin', acme.id, { name: 'Sneaky', scopes: ['chat'] })).status).toBe(404)
    expect((await list('acmeAdmin', acme.id)).body).toEqual(before)
  })

  it('answers 404 for another tenant’s key and for an unknown one, and leaves it live', async () => {
    const created = expectContract(
      createdApiKeyResponseSchema,
      await create('globexAdmin', globex.id, { name: 'Globex', scopes: ['chat'] }),
      201,
    )
    expect((await revoke('acmeAdmin', acme.id, created.key.id)).status).toBe(404)
    expect((await revoke('acmeAdmin', acme.id, 'not-a-uuid')).status).toBe(404)
    expect((await revoke('acmeAdmin', globex.id, created.key.id)).status).toBe(404)
    await expect(resolveKeyCaller(bearer(created.secret))).resolves.toMatchObject({ tenantId: globex.id })
  })
})

describe('revoking a key', () => {
  it('stops it at once (401), keeps it listed as revoked, and audits the revocation once', async () => {
    const created = expectContract(createdApiKeyResponseSchema, await create('acmeAdmin', acme.id, { name: 'Old', scopes: ['chat'] }), 201)
    await expect(resolveKeyCaller(bearer(created.secret))).resolves.toMatchObject({ keyId: created.key.id })
    expectNoContent(await revoke('acmeAdmin', acme.id, created.key.id))
    expectNoContent(await revoke('acmeAdmin', acme.id, created.key.id))
    await expect(resolveKeyCaller(bearer(created.secret))).rejects.toMatchObject({ status: 401 })
    const listed = expectContract(apiKeyListResponseSchema, await list('acmeAdmin', acme.id), 200)
    const shown = listed.keys.find((key) => key.id === created.key.id)
    expect(shown?.revokedAt).not.toBeNull()
    expect(shown?.lastUsedAt).not.toBeNull()
    expect((await auditRows(acme.id, created.key.id)).map((row) => row.action)).toEqual(['api_key.create', 'api_key.revoke'])
  })

  it('names the acting admin in each create and revoke audit row, a platform admin included', async () => {
    const created = expectContract(
      createdApiKeyResponseSchema,
      await create('platform', acme.id, { name: 'Audited', scopes: ['chat'] }),
      201,
    )
    expectNoContent(await revoke('acmeAdmin', acme.id, created.key.id))
    expect(await auditRows(acme.id, created.key.id)).toEqual([
      { action: 'api_key.create', actor_id: userIds.platform },
      { action: 'api_key.revoke', actor_id: userIds.acmeAdmin },
    ])
  })

  it('refuses a member (403) and keeps the key live', async () => {
    const created = expectContract(createdApiKeyResponseSchema, await create('acmeAdmin', acme.id, { name: 'Kept', scopes: ['chat'] }), 201)
    expect((await revoke('acmeUser', acme.id, created.key.id)).status).toBe(403)
    await expect(resolveKeyCaller(bearer(created.secret))).resolves.toMatchObject({ keyId: created.key.id })
  })
})

describe('a request’s key', () => {
  it('is 401 when missing, malformed or unknown, and 403 tenant_inactive when its tenant is suspended', async () => {
    await expect(resolveKeyCaller(new Headers())).rejects.toMatchObject({ status: 401 })
    await expect(resolveKeyCaller(bearer('not-a-key'))).rejects.toMatchObject({ status: 401 })
    await expect(resolveKeyCaller(bearer(`oak_${'a'.repeat(43)}`))).rejects.toMatchObject({ status: 401 })
    const created = expectContract(
      createdApiKeyResponseSchema,
      await create('globexAdmin', globex.id, { name: 'Paused', scopes: ['chat'] }),
      201,
    )
    await withService(db, (tx) => tx.query("update public.tenants set status = 'suspended' where id = $1", [globex.id]))
    try {
      await expect(resolveKeyCaller(bearer(created.secret))).rejects.toMatchObject({ status: 403, code: 'tenant_inactive' })
    } finally {
      await withService(db, (tx) => tx.query("update public.tenants set status = 'active' where id = $1", [globex.id]))
    }
  })
})
