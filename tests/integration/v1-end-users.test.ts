import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as readSecretRoute, POST as rotateSecretRoute } from '@/app/api/admin/tenants/[id]/identity-secret/route'
import { POST as completionsRoute } from '@/app/api/v1/chat/completions/route'
import { LocalEmbedder } from '@/lib/ai/offline/embedder'
import { identitySecretResponseSchema, USER_HASH_HEADER } from '@/lib/contracts/end-users'
import { errorBodySchema } from '@/lib/contracts/errors'
import { setDatabaseForTests, withService } from '@/lib/db'
import { actingAs } from '@/lib/multi-tenant/access'
import { createApiKey } from '@/lib/multi-tenant/api-keys'
import { identityHash } from '@/lib/multi-tenant/end-users'
import { addMember, createUser, loginCookie } from '../support/auth'
import { answer, expectContract } from '../support/route-calls'
import { startRouteServer, type RouteServer } from '../support/route-server'
import { createTestDatabase, type TestDatabase } from '../support/test-database'
import { createLimitedTenant, seedKnowledge, usageRow, useLanguageModel } from './oracle-world'

/*
 * End users of a tenant's own site on the public API: the tenant's server signs its end
 * user's id with the identity secret its admins read on the dashboard, and the official
 * `openai` client sends `user` with the hash in a header. A verified end user's exchanges
 * are kept in their own history; a wrong hash is refused before anything is asked or counted.
 */

const HOURS = 'The Acme workshop is open from 8 in the morning until 6 in the evening on weekdays.'

let db: TestDatabase
let server: RouteServer
let acme: { id: string; slug: string }
let adminCookie: string
let memberCookie: string
let strangerCookie: string
let acmeAdminId: string
const secrets: Record<'acme' | 'plain', string> = { acme: '', plain: '' }

async function tenantWithAdmin(slug: string) {
  const tenant = await createLimitedTenant(db, { slug, name: slug }, { conversationsPerMonth: null })
  const admin = await createUser(db, { email: `admin@${slug}.test` })
  await addMember(db, tenant.id, admin.userId, 'admin')
  const key = await createApiKey(actingAs(db, { sub: admin.userId }), tenant.id, { name: 'Site', scopes: ['chat'] })
  return { tenant, adminId: admin.userId, secret: key.secret }
}

const secretPath = (tenantId: string) => `/api/admin/tenants/${tenantId}/identity-secret`
const readSecret = (cookie: string | undefined, tenantId = acme.id) =>
  answer(readSecretRoute, { id: tenantId }, secretPath(tenantId), { cookie })
const rotateSecret = (cookie: string | undefined, tenantId = acme.id) =>
  answer(rotateSecretRoute, { id: tenantId }, secretPath(tenantId), { method: 'POST', cookie })

const client = (secret: string, userHash?: string) =>
  new OpenAI({
    apiKey: secret,
    baseURL: `${server.url}/api/v1`,
    maxRetries: 0,
    defaultHeaders: userHash ? { [USER_HASH_HEADER]: userHash } : {},
  })
const QUESTION = [{ role: 'user' as const, content: 'When is the workshop open?' }]
const ask = (openai: OpenAI, user?: string) => openai.chat.completions.create({ model: 'default', messages: QUESTION, user })
const askStreamed = (openai: OpenAI, user: string) =>
  openai.chat.completions.create({ model: 'default', messages: QUESTION, user, stream: true })

const historyOf = (tenantId: string, externalId: string) =>
  withService(db, (tx) =>
    tx.query<{ role: string; content: string; sources: { title: string }[] }>(
      `select m.role, m.content, m.sources from public.tenant_end_user_messages m
         join public.tenant_end_users u on u.tenant_id = m.tenant_id and u.id = m.end_user_id
        where m.tenant_id = $1 and u.external_id = $2 order by m.created_at, m.role desc`,
      [tenantId, externalId],
    ),
  )

beforeAll(async () => {
  useLanguageModel({})
  db = await createTestDatabase()
  setDatabaseForTests(db)
  const made = await tenantWithAdmin('acme-users')
  acme = made.tenant
  acmeAdminId = made.adminId
  secrets.acme = made.secret
  const other = await tenantWithAdmin('plain-users')
  secrets.plain = other.secret
  await seedKnowledge(db, acme.id, new LocalEmbedder(), [{ title: 'Workshop hours', content: HOURS }])
  adminCookie = await loginCookie(db, made.adminId)
  const member = await createUser(db, { email: 'member@acme-users.test' })
  await addMember(db, acme.id, member.userId, 'user')
  memberCookie = await loginCookie(db, member.userId)
  strangerCookie = await loginCookie(db, other.adminId)
  server = await startRouteServer({ '/api/v1/chat/completions': { POST: completionsRoute } })
})
afterAll(async () => {
  await server.close()
  setDatabaseForTests(undefined)
  await db.close()
})

describe('the identity secret', () => {
  it('is none until an admin makes one, then the same on every read, sealed at rest, and its making audited with the admin', async () => {
    expect(expectContract(identitySecretResponseSchema, await readSecret(adminCookie), 200)).toEqual({ secret: null, createdAt: null })
    const made = expectContract(identitySecretResponseSchema, await rotateSecret(adminCookie), 200)
    expect(made.secret).toMatch(/^ois_[A-Za-z0-9_-]{43}$/)
    expect(expectContract(identitySecretResponseSchema, await readSecret(adminCookie), 200)).toEqual(made)
    const stored = await withService(db, (tx) =>
      tx.query<{ secret_ciphertext: string }>('select secret_ciphertext from public.tenant_identity_secrets where tenant_id = $1', [
        acme.id,
      ]),
    )
    expect(stored[0]?.secret_ciphertext).toMatch(/^v1:/)
    expect(stored[0]?.secret_ciphertext).not.toContain(made.secret ?? '')
    const audit = await withService(db, (tx) =>
      tx.query<{ actor_id: string }>("select actor_id from public.audit_logs where tenant_id = $1 and action = 'identity_secret.rotate'", [
        acme.id,
      ]),
    )
    expect(audit).toEqual([{ actor_id: acmeAdminId }])
  })

  it('is shown to the tenant’s admins only: a member 403, another tenant’s admin 404, nobody signed in 401', async () => {
    const statuses = await Promise.all([readSecret(memberCookie), readSecret(strangerCookie), readSecret(undefined)])
    for (const reply of statuses) expectContract(errorBodySchema, reply, reply.status)
    expect(statuses.map((reply) => reply.status)).toEqual([403, 404, 401])
    expect((await rotateSecret(memberCookie)).status).toBe(403)
  })
})

describe('a verified end user through the openai client', () => {
  const currentSecret = async () => identitySecretResponseSchema.parse((await readSecret(adminCookie)).body).secret ?? ''

  it('answers with sources and keeps the exchange in that end user’s own history, streamed or not', async () => {
    const hash = identityHash(await currentSecret(), 'customer-42')
    const completion = await ask(client(secrets.acme, hash), 'customer-42')
    expect(completion.choices[0]?.message.content).toMatch(/8 in the morning/)
    const stream = await askStreamed(client(secrets.acme, hash.toUpperCase()), 'customer-42')
    let streamed = ''
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? ''
    const history = await historyOf(acme.id, 'customer-42')
    expect(history.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant'])
    expect(history[1]?.content).toBe(completion.choices[0]?.message.content)
    expect(history[3]?.content).toBe(streamed)
    expect(history[1]?.sources.map((source) => source.title)).toEqual(['Workshop hours'])
    expect(await historyOf(acme.id, 'customer-43')).toEqual([])
  })

  it('refuses a wrong hash with 401 in OpenAI’s shape, asking nothing, counting nothing and storing nothing', async () => {
    const before = await usageRow(db, acme.id)
    const wrong = identityHash(await currentSecret(), 'someone-else')
    const refused = await ask(client(secrets.acme, wrong), 'customer-42').catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(OpenAI.AuthenticationError)
    expect((refused as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ code: 'unauthorized', type: 'authentication_error' })
    expect(await usageRow(db, acme.id)).toEqual(before)
    expect(await historyOf(acme.id, 'customer-42')).toHaveLength(4)
  })

  it('refuses a hash without a user, or one that is not hex, with 400 naming the field', async () => {
    const hash = identityHash(await currentSecret(), 'customer-42')
    const noUser = (await ask(client(secrets.acme, hash)).catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>
    expect(noUser).toBeInstanceOf(OpenAI.BadRequestError)
    expect(noUser.error).toMatchObject({ code: 'bad_request', details: { fields: { user: expect.any(String) } } })
    const notHex = (await ask(client(secrets.acme, 'z'.repeat(64)), 'customer-42').catch((error: unknown) => error)) as InstanceType<
      typeof OpenAI.APIError
    >
    expect(notHex).toBeInstanceOf(OpenAI.BadRequestError)
    expect(notHex.error).toMatchObject({ details: { fields: { [USER_HASH_HEADER]: expect.any(String) } } })
  })

  it('answers 403 to a hash sent to a tenant that has no identity secret', async () => {
    const refused = await ask(client(secrets.plain, 'a'.repeat(64)), 'customer-42').catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(OpenAI.PermissionDeniedError)
  })

  it('treats a call without the header as anonymous: answered, `user` not stored', async () => {
    const completion = await ask(client(secrets.acme), 'customer-77')
    expect(completion.choices[0]?.message.content).toMatch(/8 in the morning/)
    expect(await historyOf(acme.id, 'customer-77')).toEqual([])
  })

  it('refuses the old hash once the secret is rotated, and takes the new one', async () => {
    const oldHash = identityHash(await currentSecret(), 'customer-42')
    const rotated = identitySecretResponseSchema.parse((await rotateSecret(adminCookie)).body).secret ?? ''
    const refused = await ask(client(secrets.acme, oldHash), 'customer-42').catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(OpenAI.AuthenticationError)
    await expect(ask(client(secrets.acme, identityHash(rotated, 'customer-42')), 'customer-42')).resolves.toBeTruthy()
    expect(await historyOf(acme.id, 'customer-42')).toHaveLength(6)
  })
})
